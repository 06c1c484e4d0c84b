log = []
def arg(v):
    log.append(v)
    return v

def f(a, b=10, *, c=20):
    return (a, b, c)

print(f(arg(1)))
print(f(arg(1), c=arg(3)))
print(f(b=arg(2), a=arg(1)))
print(f(arg(1), arg(2), c=arg(3)))
for call in [lambda: f(arg(1), a=arg(2)), lambda: f(arg(1), d=arg(4)), lambda: f(c=arg(3)),
             lambda: f(arg(1), arg(2), arg(3)), lambda: f(arg(1), b=arg(2), b2=arg(5)),
             lambda: f(arg(6), *[arg(7)], c=arg(8))]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
print(log)
def g(x, y):
    return x - y
print(g(y=arg(1), x=arg(5)))
h = lambda p, q=3: p * q
print(h(arg(2)), h(q=arg(4), p=arg(5)))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(50))
print(log)
g(1, y=2, x=3)
