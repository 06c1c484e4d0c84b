import numpy as np
x = np.array([0.1, 1.23456789e-5], dtype=np.float32)
print(x)
x
