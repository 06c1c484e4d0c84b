import numpy as np
x = np.arange(6).reshape(2, 3)
f = x.flatten()
c = x.copy()
c[0, 0] = 100
print(f, x[0, 0], c[0, 0])
x.ravel()
