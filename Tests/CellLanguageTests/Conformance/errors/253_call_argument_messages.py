def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

def f(a, b, c=3):
    return a + b + c
def g(*args, key):
    return args, key
def outer():
    def inner(x):
        return x
    return inner
attempt('none', lambda: f())
attempt('one', lambda: f(1))
attempt('many', lambda: f(1, 2, 3, 4))
attempt('kw', lambda: f(1, 2, d=4))
attempt('dup', lambda: f(1, 2, a=5))
attempt('kwonly missing', lambda: g(1, 2))
attempt('kwonly ok', lambda: g(1, key=0))
attempt('lambda', lambda: (lambda x: x)())
attempt('lambda many', lambda: (lambda: 0)(1))
attempt('nested', lambda: outer()())
attempt('len 2', lambda: len([1], [2]))
attempt('len 0', lambda: len())
attempt('int kw', lambda: int(x=5))
attempt('abs', lambda: abs('a'))
attempt('star non-iter', lambda: f(*5))
attempt('kw non-str', lambda: f(1, **{2: 3}))
