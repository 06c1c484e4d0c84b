import numpy as np
p = np.array([[0.0012, 0.98, 0.0188], [0.25, 0.25, 0.5]], dtype=np.float32)
print(p)
p
