import numpy as np
x = np.array([-7, -1, 0, 5, 7])
print(x // 3, x % 3, x // -3, x % -3)
y = np.array([-7.5, 2.5, 7.0])
print(y // 2, y % 2, y % -2)
np.array([1.0, -1.0]) / 0
