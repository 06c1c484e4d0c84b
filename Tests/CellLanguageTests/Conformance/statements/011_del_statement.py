xs = [0, 1, 2, 3, 4, 5]
del xs[0]
print(xs)
del xs[1:3]
print(xs)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
x = 5
del x
y = 2
del xs[::2]
print(xs, y)
