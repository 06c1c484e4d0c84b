import numpy as np
x = np.arange(10)
even = x[::2]
even += 100
print(x)
odd = x[1::2]
odd[-1] = -5
x
