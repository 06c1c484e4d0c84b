def naturals():
    n = 0
    while True:
        print("make", n)
        yield n
        n += 1

g = naturals()
print("created")
print(next(g), next(g))
def take(k, it):
    out = []
    for x in it:
        if len(out) == k:
            break
        out.append(x)
    return out
print(take(3, naturals()))
evens = (x for x in naturals() if x % 2 == 0)
print(next(evens), next(evens))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
