import numpy as np
np.array([]).max()
