(a, b), (c, d) = (1, 2), [3, 4]
first, *rest = range(5)
*init, last = 'abc'
x, (y, *z), w = 1, (2, 3, 4), 5
print(a, b, c, d, first, rest, init, last)
print(x, y, z, w)
for i, (k, v) in enumerate({'p': 1, 'q': 2}.items()):
    print(i, k, v)
a = b = [0]
a.append(1)
print(b, a is b)
