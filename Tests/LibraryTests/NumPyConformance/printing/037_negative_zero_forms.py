import numpy as np
print(np.array([-0.0, 0.0]))
print(np.array([-0.0]))
print(repr(np.array([-0.0, 2.5], dtype=np.float32)))
np.array([[-0.0, 1e-9], [1.0, -0.0]])
