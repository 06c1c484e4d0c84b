import numpy as np
x = np.arange(10, dtype=np.float32)
x[x > 5] = 0
x[0] = -1
x[1:3] = [7, 8]
print(x)
m = np.zeros((2, 3), dtype=int)
m[1] = 5
m[:, 0] = [1, 2]
m
