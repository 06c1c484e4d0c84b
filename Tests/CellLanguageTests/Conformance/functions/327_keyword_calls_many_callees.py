def f(a, b=0):
    return ('f', a, b)
def g(b, a=0):
    return ('g', a, b)
def h(a, *, b):
    return ('h', a, b)
def k(**options):
    return ('k', sorted(options.items()))
for fn in [f, g, h, k, f, g, len]:
    try:
        print(fn(1, b=2))
    except TypeError as e:
        print('TypeError:', e)
for fn in [f, h, f]:
    try:
        print(fn(a=3, b=4), fn(b=5, a=6), fn(7, c=8))
    except TypeError as e:
        print('TypeError:', e)
def f(b, a):
    return ('new f', a, b)
print([f(1, b=2) if False else f(a=i, b=-i) for i in range(3)])
print(f(1, a=2), g(b=1), g(2, a=3))
