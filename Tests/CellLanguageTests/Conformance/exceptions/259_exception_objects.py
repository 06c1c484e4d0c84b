try:
    raise ValueError('bad', 42)
except ValueError as e:
    print(e, repr(e), e.args, str(e))
try:
    raise KeyError('k')
except LookupError as e:
    print(type(e).__name__, e, repr(e), isinstance(e, KeyError), isinstance(e, Exception))
e = RuntimeError()
print(repr(e), str(e) == '', e.args, repr(ValueError('x')), repr(TypeError("it's")), repr(ValueError(1, 'a')))
try:
    raise IndexError
except Exception as err:
    print(repr(err), type(err) is IndexError, str(err) == '')
for exc in [KeyError(0), IndexError('i', 2), ValueError(''), KeyError(None)]:
    print(repr(exc), str(exc), exc.args, len(exc.args))
try:
    raise Exception('a', 'b')
except Exception as e:
    print(e, isinstance(ZeroDivisionError(), ArithmeticError), str(KeyError('a b')), str(KeyError()))
