import numpy as np
print(np.arange(5), np.arange(2, 10, 3), np.arange(0, 1, 0.25), np.arange(5.0))
print(np.linspace(0, 1, 5), np.linspace(0, 1, 4, endpoint=False))
np.linspace(-1, 1, 7)
