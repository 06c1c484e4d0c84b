xs = list(range(8))
xs[2:4] = ['a', 'b', 'c']
print(xs)
xs[:2] = []
print(xs)
xs[::3] = [0, 0, 0]
print(xs)
ys = [1, 2, 3]
ys[len(ys):] = [4, 5]
print(ys)
ys[1:1] = [9]
print(ys)
