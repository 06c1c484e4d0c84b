import numpy as np
print(np.array([np.nan, np.nan]))
print(np.array([np.inf, -np.inf], dtype=np.float32))
print(np.array([np.nan, 1e10, 0.5]))
np.array([[np.nan, 1.0], [-np.inf, 1e-3]])
