import numpy as np
x = np.array([0.1, 0.25, 3.0])
print(x)
x
