import numpy as np
p = np.array([[9.9e-01, 1.2e-08, 1.0e-02], [3.3e-05, 9.9e-01, 9.9e-03]], dtype=np.float32)
print(p)
p
