import numpy as np
a = np.arange(10, dtype=np.float32)
v = a[2:6]
b = v * 2
b[0] = -1
print(v, b)
print(v.sum(), v.mean(), v.max(), v.argmax())
t = np.arange(6).reshape(2, 3).T
print(t.sum(axis=0), t.tolist())
t[::-1] + 1
