import numpy as np
print(np.array([1/3, 2/3, 10.5]))
np.array([1.5, 22.25, -333.125])
