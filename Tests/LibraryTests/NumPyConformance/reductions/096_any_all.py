import numpy as np
x = np.array([[0, 1], [0, 0]])
print(x.any(), x.all(), (x == 0).all(axis=1), np.any(x, axis=0))
np.count_nonzero(x)
