import numpy as np
x = np.array([1, 5, 3])
print(x > 2, x == 3, x != 5, 3 <= x)
print(~(x > 2), (x > 2) | (x == 1))
x == np.array([1, 2, 3])
