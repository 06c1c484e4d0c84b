import numpy as np
x = np.arange(1500) * 1e-6
print(x)
x * 1e9
