import numpy as np
np.array([1, 2, 3]) + np.array([1, 2, 3, 4])
