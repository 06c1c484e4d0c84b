import numpy as np
x = np.arange(10) * 10
print(x[[1, 3, 5]])
idx = np.array([9, 0, 0])
print(x[idx])
m = np.arange(12).reshape(3, 4)
print(m[[0, 2]])
m[:, [1, 3]]
