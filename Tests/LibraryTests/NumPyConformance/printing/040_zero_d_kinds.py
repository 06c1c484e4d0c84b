import numpy as np
print(repr(np.array(-0.0)))
print(repr(np.array(np.nan, dtype=np.float32)))
print(repr(np.array(7)))
print(np.array(1e20))
np.array(255, dtype=np.uint8)
