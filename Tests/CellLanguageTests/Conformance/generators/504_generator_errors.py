def gen():
    yield 1
    raise StopIteration("inside")

g = gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
try: gen().send(5)
except TypeError as e: print(e)
def stubborn():
    for attempt in range(2):
        try:
            yield 1
        except GeneratorExit:
            print("ignoring", attempt)
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
s.close()
def fails():
    yield 1
    return 1 / 0
print(list(zip(range(1), fails())))
list(fails())
