import numpy as np
np.arange(40)
