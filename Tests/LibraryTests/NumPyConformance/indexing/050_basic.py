import numpy as np
x = np.arange(10)
print(x[0], x[-1], x[2:5], x[::3], x[::-1])
x[7:2:-2]
