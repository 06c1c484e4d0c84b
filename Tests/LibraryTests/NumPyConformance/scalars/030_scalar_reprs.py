import numpy as np
x = np.array([[1.5, 2.0], [3.25, 4.0]], dtype=np.float32)
print(repr(x[0, 0]), x[0, 0])
print(repr(x.max()), repr(x.sum()))
print(repr(np.float64(0.1)), repr(np.int64(3)), repr(np.uint8(255)))
print(repr(np.float32(1e6)), np.float32(1234567.0), np.float32(0.0001))
np.True_
