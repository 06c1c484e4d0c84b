import numpy as np
a = np.array([[10, 7, 4], [3, 2, 1]])
print(np.percentile(a, 50), np.percentile(a, [25, 75]))
print(np.percentile(a, 50, axis=0), np.percentile(a, 50, axis=1))
print(np.quantile([1.0, 2.0, 3.0, 4.0], 0.1), np.median(a), np.median(a, axis=0))
print(np.percentile(np.arange(5, dtype=np.float32), 30))
np.percentile([1, 2], 101)
