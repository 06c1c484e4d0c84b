import numpy as np
a = np.arange(12, dtype=np.float32).reshape(3, 4)
a[:, 0] = 0
col = a[:, 2]
col[:] = -1
print(col)
a
