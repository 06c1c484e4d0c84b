import numpy as np
a = np.arange(6)
v = a[:]
v.shape = (2, 3)
v[1, 1] = 44
print(a, a.shape)
t = v.T
t.shape = (6,)
