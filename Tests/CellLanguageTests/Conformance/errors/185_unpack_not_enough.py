pair = [1, 2]
x, y = pair
print(x, y)
a, b, c = pair
print(a, b, c)
