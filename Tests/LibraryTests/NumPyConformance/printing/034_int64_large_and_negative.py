import numpy as np
print(np.array([123456789012, -5, 0]))
np.array([[-1000000, 2], [3, -4]])
