import numpy as np
a = np.array([1, 5, 3])
print(np.maximum(a, 2), np.minimum(a, np.array([2, 2, 9])))
m = np.arange(6).reshape(2, 3)
print(m @ np.ones(3), np.dot(m, m.T))
np.cumsum(a)
