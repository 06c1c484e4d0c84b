import numpy as np
z = np.zeros((3, 4), dtype=int)
print(z)
z
