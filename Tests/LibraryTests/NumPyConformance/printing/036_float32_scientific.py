import numpy as np
w = np.array([1e-10, 3.5, -2e5], dtype=np.float32)
print(w)
w
