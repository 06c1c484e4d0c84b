import numpy as np
x = np.arange(12).reshape(3, 4)
print(x.sum(), x.sum(axis=0), x.sum(axis=1), x.sum(axis=-1))
print(x.max(axis=0), x.min(axis=1), x.argmax(axis=1), x.argmin())
x.mean(axis=0)
