try:
    {}['missing']
except LookupError as e:
    print(type(e).__name__, repr(e), str(e), e.args)
try:
    raise ValueError('bad value', 42)
except Exception as e:
    print(repr(e), str(e), isinstance(e, ValueError), isinstance(e, ArithmeticError))
e = RuntimeError()
print(repr(e), str(e) == '', type(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError('inner')
except KeyError as k:
    print('caught', k, type(k).__mro__[1] if False else 'KeyError')
print(issubclass(ModuleNotFoundError, ImportError), issubclass(KeyError, Exception))
