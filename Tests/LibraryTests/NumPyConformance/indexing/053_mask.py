import numpy as np
y = np.array([3, 1, 3, 0, 2, 3])
x = np.arange(6) * 1.5
print(x[y == 3])
print(y[y > 1], (y == 3).sum())
x[(y > 0) & (y < 3)]
