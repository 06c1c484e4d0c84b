import numpy as np
a = np.zeros((1, 3))
s = a.squeeze()
s[0] = 4
e = np.expand_dims(a, 0)
e[0, 0, 2] = 8
r = np.reshape(a, (3,))
r[1] = 6
a
