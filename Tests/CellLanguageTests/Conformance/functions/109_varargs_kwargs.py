def f(*args, **kwargs):
    return args, kwargs

print(f())
print(f(1, 2, a=3))
def g(a, b=2, *rest, c, d=4, **extra):
    print(a, b, rest, c, d, extra)
g(1, c=3)
g(1, 2, 3, 4, c=5, e=6)
nums = [1, 2, 3]
opts = {'sep': '-', 'end': '!\n'}
print(*nums, **opts)
