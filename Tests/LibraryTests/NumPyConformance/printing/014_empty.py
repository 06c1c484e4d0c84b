import numpy as np
print(repr(np.array([])))
print(repr(np.zeros((0, 3))))
print(np.array([], dtype=np.int64))
np.zeros((2, 0), dtype=np.uint8)
