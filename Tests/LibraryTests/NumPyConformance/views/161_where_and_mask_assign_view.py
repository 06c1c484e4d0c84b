import numpy as np
a = np.arange(10)
v = a[2:8]
v[v % 2 == 0] = 0
print(a)
idx = np.where(a > 5)[0]
a[idx] = -1
a
