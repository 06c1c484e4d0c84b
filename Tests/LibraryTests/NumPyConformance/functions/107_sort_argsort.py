import numpy as np
x = np.array([3.5, -1.0, 2.0, 10.0])
print(np.sort(x), np.argsort(x), np.argsort(-x))
m = np.array([[3, 1, 2], [9, 7, 8]])
print(np.sort(m), np.sort(m, axis=0))
x.sort()
x
