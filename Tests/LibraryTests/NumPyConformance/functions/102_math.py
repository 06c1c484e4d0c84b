import numpy as np
x = np.array([1.0, 2.0, 4.0])
print(np.exp(x), np.log(x), np.sqrt(x))
print(np.abs(np.array([-1, 2, -3])), np.exp(np.arange(3)))
np.sqrt(np.array([1.0, 2.0], dtype=np.float32))
