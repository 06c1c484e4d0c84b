import numpy as np
x = np.arange(8)
r = x[::-1]
print(r)
r[0] = 70
print(x)
s = x[6:1:-2]
s[:] = 0
print(s, x)
m = np.arange(12).reshape(3, 4)
m[::-1, ::-2]
