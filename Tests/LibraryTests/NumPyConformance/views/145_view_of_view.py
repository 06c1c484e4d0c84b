import numpy as np
a = np.arange(24).reshape(4, 6)
v = a[1:, ::2]
w = v[::2, 1:]
w[:] = -1
print(w)
print(v)
a
