import numpy as np
x = np.arange(12).reshape(3, 4)
print(x[1])
print(x[:, 0])
print(x[2, 3], x[-1, -1])
print(x[1:, ::2])
x[:2, 1:3]
