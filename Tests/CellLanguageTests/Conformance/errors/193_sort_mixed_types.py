xs = [3, 1, 2]
print(sorted(xs))
ys = [3, 'a', 1]
print(len(ys))
print(sorted(ys))
