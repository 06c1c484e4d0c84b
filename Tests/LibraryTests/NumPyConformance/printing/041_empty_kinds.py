import numpy as np
print(repr(np.array([], dtype=np.float32)))
print(repr(np.zeros((0,), dtype=bool)))
print(repr(np.zeros((3, 0), dtype=np.int32)))
print(np.zeros((0, 2, 2)))
np.ones((1, 0))
