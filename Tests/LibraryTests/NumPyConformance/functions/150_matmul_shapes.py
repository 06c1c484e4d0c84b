import numpy as np
a = np.ones((2, 2))
b = np.arange(8, dtype='float32').reshape(2, 4)
print((a @ b).shape, (a @ b).dtype)
x = np.arange(12, dtype='float32').reshape(4, 3)
print(x @ np.ones((3, 1), dtype='float32'), x.T @ x.sum(axis=1))
w = [a, b]
print(w == [a, b], a in w)
np.ones((2, 3)) @ np.ones((2, 3))
