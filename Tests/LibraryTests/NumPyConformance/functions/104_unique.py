import numpy as np
y = np.array([3, 1, 2, 3, 3, 1])
print(np.unique(y))
values, counts = np.unique(y, return_counts=True)
print(values, counts)
print(dict(zip(values.tolist(), counts.tolist())))
np.unique(np.array([2.5, 1.0, 2.5]))
