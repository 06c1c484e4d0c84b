import numpy as np
x = np.arange(6).reshape(2, 3)
print(x.T)
x.T.shape, x.transpose().T.shape
