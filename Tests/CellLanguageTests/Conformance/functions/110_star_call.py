def add3(a, b, c):
    return a + b + c

args = (1, 2, 3)
print(add3(*args))
print(add3(1, *[2, 3]))
print(add3(**{'a': 1, 'b': 2, 'c': 3}))
print(add3(1, **{'c': 3, 'b': 2}))
print(max(*[4, 8, 2]))
first, *others = [add3(*t) for t in [(1, 1, 1), (2, 2, 2)]]
print(first, others)
