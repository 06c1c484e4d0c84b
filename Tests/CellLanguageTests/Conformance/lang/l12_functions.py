def f(a, b=2, *args, key='k', **kwargs):
    return (a, b, args, key, sorted(kwargs.items()))
print(f(1), f(1, 3, 4, 5, key='z', q=1, p=2))
print(f(*[1, 2, 3], **{'key': 'd', 'extra': 0}))
def g(*, only):
    return only
print(g(only=1), (lambda *a, **k: (a, k))(1, x=2))
def outer():
    def inner():
        return 'inner'
    return inner
print(outer()(), outer().__name__, outer().__qualname__)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), [fact(i) for i in range(6)])
def noreturn():
    pass
print(noreturn(), f.__name__, (lambda: 0).__name__)
