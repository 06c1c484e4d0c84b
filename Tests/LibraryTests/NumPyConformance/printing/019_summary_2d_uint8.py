import numpy as np
np.zeros((600, 784), dtype=np.uint8)
