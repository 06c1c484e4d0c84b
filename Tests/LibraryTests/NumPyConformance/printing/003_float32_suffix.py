import numpy as np
np.array([0.1, 0.2, 0.5], dtype=np.float32)
