import numpy as np
x = np.arange(6).reshape(1, 2, 3, 1)
print(np.squeeze(x).shape, np.squeeze(x, axis=0).shape, np.squeeze(x, axis=(0, 3)).shape)
print(np.expand_dims(np.arange(3), 0).shape, np.expand_dims(np.arange(3), -1).shape)
print(np.stack([np.arange(3), np.arange(3)], axis=1))
print(np.argsort([3, 1, 2]), np.bincount([0, 1, 1, 3]), np.bincount([0, 1, 1], weights=[0.5, 1, 2]))
print(np.eye(2, 3, k=1), np.clip([-2, 0.5, 3], 0, 1))
np.squeeze(x, axis=1)
