xs = [10, 20, 30]
print(xs[-1], xs[2])
i = 3
print('index', i)
print(xs[i])
