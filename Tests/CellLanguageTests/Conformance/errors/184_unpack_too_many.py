point = (1, 2, 3)
a, b, c = point
print(a, b, c)
x, y = point
print(x, y)
