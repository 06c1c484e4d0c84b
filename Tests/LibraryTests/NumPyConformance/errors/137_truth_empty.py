import numpy as np
x = np.array([])
bool(x)
