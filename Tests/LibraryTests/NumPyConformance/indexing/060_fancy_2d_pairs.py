import numpy as np
m = np.arange(12).reshape(3, 4)
print(m[[0, 1, 2], [3, 2, 1]])
print(m[1, [0, 3]])
m[np.array([[0, 1], [2, 2]])].shape
