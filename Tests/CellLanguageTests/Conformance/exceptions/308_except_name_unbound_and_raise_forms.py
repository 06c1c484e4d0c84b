def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

try:
    raise ValueError('v')
except ValueError as err:
    print('inside', err)
attempt('after except', lambda: err)
def bare():
    raise
def not_exception():
    raise 5
def from_none():
    try:
        {}['k']
    except KeyError:
        raise ValueError('clean') from None
def from_other():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError('wrapped') from e
attempt('bare raise', bare)
attempt('raise int', not_exception)
attempt('from None', from_none)
attempt('from e', from_other)
attempt('raise class', lambda: bare() if False else KeyError)
