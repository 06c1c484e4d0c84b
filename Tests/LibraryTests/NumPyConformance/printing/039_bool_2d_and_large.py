import numpy as np
b = np.arange(12).reshape(3, 4) % 3 == 0
print(b)
print(b)
np.arange(1200) % 2 == 0
