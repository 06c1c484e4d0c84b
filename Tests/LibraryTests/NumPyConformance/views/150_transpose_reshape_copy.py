import numpy as np
a = np.arange(6).reshape(2, 3)
r = a.T.reshape(6)
r[0] = 99
print(r)
a
