import numpy as np
x = np.full((10, 10), 200, dtype=np.uint8)
print(repr(x.sum()), repr(x.mean()), repr(x.max()))
print(repr(np.array([True, False, True]).sum()))
repr(x.sum(axis=0).dtype)
