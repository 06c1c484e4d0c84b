import numpy as np
print(np.array([-0.0, 1.0]))
np.array([[0.5, -1.25], [100.0, 7.0]], dtype=np.float32)
