import numpy as np
a = np.arange(6).reshape(2, 3)
c = np.copy(a)
c[0, 0] = 100
r = np.ravel(a)
r[1] = -1
t = np.ravel(a.T)
t[0] = 50
print(c, r, t, sep='\n')
a
