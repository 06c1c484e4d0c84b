calls = []
def tag(v):
    calls.append(v)
    return v
def f(a=tag(1), b=tag([])):
    b.append(a)
    return b
print(calls, f(), f(), f(2, []), calls)
def g(items=None):
    items = [] if items is None else items
    items.append(len(items))
    return items
print(g(), g(), g([9]))
n = 5
def h(k=n):
    return k
n = 6
print(h(), h(7), h(k=8))
def kw(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(kw(1), kw(1, 2, 3, 4), kw(1, c=5, d=6), kw(*[1, 2], **{'c': 0, 'z': 1}))
def order(a, b, *rest, **opts):
    return [a, b, rest, sorted(opts.items())]
print(order(*'xy'), order(1, *[2, 3], *(4,), k=1, **{'j': 2}))
