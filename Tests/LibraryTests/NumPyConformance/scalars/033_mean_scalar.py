import numpy as np
x = np.arange(10)
m = x.mean()
print(m, type(m).__name__)
print(x.sum(), x.max(), x.argmax())
repr(x.std())
