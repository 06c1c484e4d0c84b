import numpy as np
print(np.array([1e-5, 1.0, 2.5]))
np.array([0.3, 1.1e-5])
