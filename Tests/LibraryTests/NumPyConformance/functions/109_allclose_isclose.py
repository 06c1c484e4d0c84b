import numpy as np
a = np.array([1.0, 2.0, 3.0])
print(np.allclose(a, a + 1e-9), np.allclose(a, a + 1e-3))
print(np.isclose(a, np.array([1.0, 2.1, 3.0])))
np.isclose(0.1 + 0.2, 0.3)
