import numpy as np
a = np.arange(6).reshape(2, 3)
f = a.flatten()
f[0] = 100
t = a.astype(np.float32)
t[1, 1] = 0.5
c = a.copy()
c[:] = 7
r = a.ravel()
r[-1] = 55
print(f, t, c, sep='\n')
a
