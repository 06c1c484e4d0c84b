import numpy as np
print(np.array([1e8, 1.0]))
print(np.array([1e7, 2.0]))
np.array([1.5e6, 3.0], dtype=np.float32)
