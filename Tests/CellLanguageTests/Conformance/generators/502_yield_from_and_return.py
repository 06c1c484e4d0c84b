def inner(n):
    for i in range(n):
        yield i
    return n * 10

def outer():
    result = yield from inner(3)
    print("inner returned", result)
    yield from "ab"
    yield from [7, 8]
    return "finished"

print(list(outer()))
g = outer()
for _ in range(6):
    print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value), e.args)

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
