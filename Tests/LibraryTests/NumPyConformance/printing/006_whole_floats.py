import numpy as np
np.array([1.0, 2.0, -3.0])
