import numpy as np
x = np.array([250, 10], dtype=np.uint8)
print(x + 10, x * 2, -x)
np.array([2]) ** -1
