import numpy as np
x = np.arange(10)
x.reshape(3, 4)
