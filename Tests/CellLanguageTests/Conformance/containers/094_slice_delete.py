xs = list(range(10))
del xs[::2]
print(xs)
del xs[-1]
print(xs)
del xs[1:3]
print(xs)
ys = [1, 2, 3]
del ys[:]
print(ys)
