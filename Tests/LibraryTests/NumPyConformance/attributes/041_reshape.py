import numpy as np
x = np.arange(12)
print(x.reshape(3, 4))
print(x.reshape((2, -1)).shape, x.reshape(-1, 6).shape, x.reshape([4, 3]).shape)
x.reshape(x.shape[0], 1).shape
