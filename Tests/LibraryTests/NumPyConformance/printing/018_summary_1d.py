import numpy as np
x = np.arange(2000)
print(x)
x
