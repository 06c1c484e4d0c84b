import numpy as np
labels = np.array([0, 1, 1, 3, 3, 3])
print(np.bincount(labels))
np.bincount(labels, minlength=6)
