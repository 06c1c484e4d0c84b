import numpy as np
print(np.array([0.0001, 1000.0]))
print(np.array([0.00001, 1000.0]))
print(np.array([1e-4, 1e4]))
print(np.array([1.0, 1e16]))
np.array([123456.7, 0.001])
