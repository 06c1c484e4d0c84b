import numpy as np
a = np.array(2.5)
print(a)
print(repr(np.array(3, dtype=np.uint8)))
print(repr(np.array(True)))
np.array(1e-5)
