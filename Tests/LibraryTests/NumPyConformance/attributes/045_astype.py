import numpy as np
x = np.array([0, 127, 255], dtype=np.uint8)
y = x.astype('float32')
print(y, y.dtype)
print(x.astype(float).dtype, x.astype(int).dtype, np.array([1.7, -1.7]).astype(int))
np.array([300, -1]).astype(np.uint8)
