import numpy as np
x = np.arange(6).reshape(2, 3)
x[1, 7]
