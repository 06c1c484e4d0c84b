import numpy as np
np.array([[-1, 20], [300, -4000]])
