import numpy as np
print(np.testing.assert_allclose([1, 2], [1, 2.0000001]))
np.testing.assert_allclose(np.array([1.0, 2.0]), [1.0, 2.0 + 1e-9], rtol=1e-5)
np.testing.assert_allclose([1, 2, 3.1], [1, 2, 3])
