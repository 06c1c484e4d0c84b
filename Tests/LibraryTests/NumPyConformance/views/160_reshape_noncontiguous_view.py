import numpy as np
a = np.arange(24).reshape(4, 6)
v = a[:, :4]
r = v.reshape(4, 2, 2)
r[0, 0, 0] = -1
print(a[0])
w = a[::2].reshape(2, 3, 2)
w[1, 2, 1] = -2
print(a[2])
q = v.reshape(16)
q[0] = 1000
a[0]
