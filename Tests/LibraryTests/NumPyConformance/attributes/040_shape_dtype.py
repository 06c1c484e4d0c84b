import numpy as np
x = np.zeros((60, 28, 28), dtype=np.uint8)
print(x.shape, x.ndim, x.size, x.dtype, x.dtype.name)
print(repr(x.dtype), x.dtype == 'uint8', x.dtype == np.uint8, x.dtype == np.float32)
len(x)
