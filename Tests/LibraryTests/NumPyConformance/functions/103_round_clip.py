import numpy as np
x = np.array([0.5, 1.5, 2.5, -0.5, 2.675])
print(np.round(x), np.round(x, 2), x.round(1))
print(np.clip(np.arange(10), 2, 7), np.clip(x, 0, 1))
np.clip(np.array([1, 2, 3], dtype=np.uint8), 0, 2)
