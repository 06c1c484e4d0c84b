import numpy as np
b = np.array([True, False, True])
print(b)
b
