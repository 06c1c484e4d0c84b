import numpy as np
x = (np.arange(30, dtype=np.float32) + 0.5) / 3
x
