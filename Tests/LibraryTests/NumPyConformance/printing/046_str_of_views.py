import numpy as np
a = np.arange(12, dtype=np.float64).reshape(3, 4) / 4
print(a[:, 1])
print(a.T)
print(a[::-1, ::2])
a[1:, 1:]
