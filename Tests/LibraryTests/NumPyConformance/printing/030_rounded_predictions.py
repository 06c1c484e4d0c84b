import numpy as np
p = np.array([0.123456, 0.876544, 0.5])
print(np.round(p, 2))
np.round(p * 100, 1)
