def countdown(n):
    print("start", n)
    while n > 0:
        yield n
        n -= 1
    print("done")

g = countdown(3)
print(type(g).__name__, g.__name__)
print(next(g))
print(list(g))
print(next(g, "empty"))
for x in countdown(2):
    print("got", x)
print(sum(countdown(4)), max(countdown(5)))

def pairs(items):
    for i, item in enumerate(items):
        if i % 2 == 0:
            yield i, item
        else:
            yield item
print(list(pairs("abcd")))
def nothing():
    return
    yield 1
print(list(nothing()))
