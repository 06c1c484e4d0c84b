import numpy as np
x = np.arange(20) / 7
print(x)
x
