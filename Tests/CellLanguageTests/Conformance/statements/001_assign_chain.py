a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
t = 1, 2, 3
print(t)
