import numpy as np
a = np.arange(4).reshape(2, 2)
b = np.arange(4, 8).reshape(2, 2)
print(np.concatenate([a, b]))
print(np.concatenate([a, b], axis=1))
print(np.concatenate([np.arange(2), np.array([0.5])]))
np.stack([np.arange(3), np.arange(3)], axis=1)
