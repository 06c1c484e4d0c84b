def classify(x):
    try:
        return 10 / x
    except (ZeroDivisionError, TypeError) as e:
        return type(e).__name__
    except Exception:
        return 'other'
print(classify(2), classify(0), classify('a'), classify(None))
for exc in [ValueError('v'), KeyError('k'), IndexError('i'), ZeroDivisionError('z'), AssertionError()]:
    try:
        raise exc
    except LookupError as e:
        print('lookup', repr(e))
    except ArithmeticError as e:
        print('arith', repr(e))
    except Exception as e:
        print('general', repr(e))
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print('assert:', e, e.args)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
