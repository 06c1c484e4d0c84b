import numpy as np
a = np.arange(6)
f = a[[0, 2, 4]]
f[0] = 99
m = a[a > 2]
m[:] = 0
print(f, m)
a
