import numpy as np
a = np.arange(3)
b = a[:, None]
b[1, 0] = 30
print(b.shape, a)
c = a[np.newaxis]
c[0, 2] = 20
a
