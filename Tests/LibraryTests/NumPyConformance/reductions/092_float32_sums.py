import numpy as np
x = (np.arange(1000, dtype=np.float32) * 0.37) % 1
print(repr(x.sum()), repr(x.mean()), repr(x.std()))
y = x.reshape(40, 25)
print(y.sum(axis=0)[:4], y.mean(axis=1)[:4])
repr(np.float32(x.max()))
