import numpy as np
a = np.zeros((3, 4), dtype=np.int64)
block = a[1:, 1:3]
block[:] = [5, 6]
print(a)
a[:, 1:3] = np.array([[1], [2], [3]])
a
