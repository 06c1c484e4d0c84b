import numpy as np
print(np.array([1, 2], dtype=np.int32))
np.array([[1, 2], [3, 4]], dtype='int32')
