import numpy as np
x = np.arange(6).reshape(2, 3)
print(x.sum(axis=1, keepdims=True))
print(x.max(axis=0, keepdims=True).shape)
x - x.mean(axis=1, keepdims=True)
