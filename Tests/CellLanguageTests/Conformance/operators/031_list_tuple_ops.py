print([1, 2] + [3], [0] * 3, (1,) * 2)
print((1, 2) + (3,))
xs = [[]] * 3
xs[0].append(1)
print(xs)
print([1, 2, 3] * 0)
print(max([3, 1], [2, 9]))
