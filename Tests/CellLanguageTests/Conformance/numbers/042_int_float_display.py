x = 7
y = 7.0
print(x, y, x == y)
print(x / 1, x // 1, y // 1)
print(float(x), int(y))
print(3 * 2.0, 6 / 3, 2 ** 2.0)
print(1e0, 1e1, 1e2)
print(12345678901234567.0)
