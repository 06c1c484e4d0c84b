import numpy as np
x = np.array([3, -1, 4, -1, 5])
print(np.where(x > 0))
print(np.where(x > 0, x, 0), np.where(x > 0, 1.0, -1.0))
np.where(x < 0)[0]
