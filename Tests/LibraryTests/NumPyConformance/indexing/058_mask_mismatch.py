import numpy as np
x = np.arange(6)
x[np.array([True, False])]
