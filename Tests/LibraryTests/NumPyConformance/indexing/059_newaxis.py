import numpy as np
x = np.arange(3)
print(x[:, np.newaxis].shape, x[None, :].shape, x[np.newaxis].shape)
x[:, None] * np.arange(3)
