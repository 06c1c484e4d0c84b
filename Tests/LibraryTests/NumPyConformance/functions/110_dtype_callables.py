import numpy as np
print(repr(np.float32(0.5)), repr(np.float64(2)), repr(np.uint8(7)), repr(np.int64(-3)))
print(np.float32, np.dtype('float32'), np.dtype(np.uint8) == 'uint8')
print(np.float32([1, 2]), np.array([1, 2], dtype=np.float64).dtype)
np.array([1.5, 2.5], dtype=np.int64)
