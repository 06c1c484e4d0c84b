import numpy as np
counts, edges = np.histogram([1, 2, 2, 3, 4], bins=3)
print(counts, counts.dtype, edges)
print(np.histogram(np.arange(10), bins=[0, 2, 5, 9]))
print(np.histogram([0.5, 1.5, 2.5], bins=2, range=(0, 4)))
np.histogram([1, 2, 2, 3], bins=2, density=True)
