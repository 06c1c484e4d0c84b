import numpy as np
x = np.array([1, 2, 3])
print(x + 1, x - 1, x * 2, x / 2, x // 2, x % 2, x ** 2)
print(2 * x, 10 - x, 1 / x, 2 ** x, -x)
x + 0.5
