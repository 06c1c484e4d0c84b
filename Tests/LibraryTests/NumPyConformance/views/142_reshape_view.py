import numpy as np
a = np.arange(6)
b = a.reshape(2, 3)
b[0, 0] = 9
print(a)
c = a.reshape(3, -1)
c[2] = [7, 8]
print(b)
a
