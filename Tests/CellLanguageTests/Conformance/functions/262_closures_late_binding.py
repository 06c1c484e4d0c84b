fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def accumulate():
    seen = []
    return lambda v: seen.append(v) or list(seen)
a1, a2 = accumulate(), accumulate()
print(a1(1), a1(2), a2('x'), a1(3))
def make_adders():
    adders = []
    for n in range(3):
        adders.append(lambda x: x + n)
    return adders
print([a(10) for a in make_adders()])
x = 'global'
def show():
    return x
x = 'changed'
def outer():
    y = 1
    def inner():
        return y
    y = 2
    return inner()
print(show(), outer())
