import numpy as np
b = np.array([True, False])
print(b + b, b * b)
-b
