import numpy as np
a = np.arange(6).reshape(2, 3)
t = a.T
t[2, 0] = 40
print(t)
print(a)
print(t.flatten(), t.ravel())
t.reshape(6)
