import numpy as np
x = np.array([1, 2, 3], dtype=np.float32)
print(x / 3)
print(np.arange(5) / 3)
x / 7
