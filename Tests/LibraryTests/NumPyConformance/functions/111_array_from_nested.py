import numpy as np
print(np.array([[1, 2], [3, 4]]).shape, np.array([1, 2.5]).dtype, np.array([True, 2]).dtype)
print(np.array((1, 2, 3)), np.array(range(4)), np.array([np.arange(2), np.arange(2)]))
np.array([[1, 2], [3]])
