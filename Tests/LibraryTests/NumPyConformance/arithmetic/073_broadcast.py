import numpy as np
a = np.arange(6).reshape(2, 3)
print(a + np.array([10, 20, 30]))
print(a * np.array([[1], [2]]))
a - a.mean(axis=0)
