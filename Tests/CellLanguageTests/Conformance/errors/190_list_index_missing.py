xs = [3, 1, 4]
print(xs.index(4))
print(xs.index(1))
print(xs.index(9))
print('unreachable')
