square = lambda x: x * x
add = lambda a, b=1: a + b
print(square(4), add(2), add(2, 3))
print((lambda *a: len(a))(1, 2, 3))
pairs = [(1, 'b'), (3, 'a'), (2, 'c')]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x + 1, [1, 2])))
print((lambda: 'no args')())
