import numpy as np
print(np.array([np.nan, -np.inf, 1.5]))
print(np.array([np.nan, 1e-7]))
np.array([np.inf, 2.0, 0.0])
