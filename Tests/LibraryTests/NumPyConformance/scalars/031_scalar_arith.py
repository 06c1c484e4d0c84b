import numpy as np
a = np.float32(0.5)
print(repr(a * 2), repr(a + 2.5), repr(a / 4))
print(repr(np.int64(3) / 2), repr(np.int64(7) // 2), repr(np.uint8(200) + np.uint8(100)))
print(float(a), int(np.float64(3.9)), a > 0.25, a == 0.5)
repr(np.float64(2.0) ** 10)
