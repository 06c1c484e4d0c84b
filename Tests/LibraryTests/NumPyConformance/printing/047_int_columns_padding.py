import numpy as np
a = np.array([[1, -200, 3], [40000, 5, -6]])
print(a)
print(a.astype(np.uint8))
a.astype(np.float32)
