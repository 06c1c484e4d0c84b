import numpy as np
np.arange(17, dtype=np.float32) * 1.25
