import numpy as np
print(np.array([1.0, 2000.0]))
np.array([1.0, 999.0])
