import numpy as np
x = np.arange(3000).reshape(100, 30) / 3
print(x)
x
