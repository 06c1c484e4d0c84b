import numpy as np
np.random.seed(0)
a = np.random.rand(3, 2)
b = np.random.randn(4)
c = np.random.randint(0, 10, size=5)
print(a.shape, a.dtype, b.shape, c.shape, c.dtype)
print(((a >= 0) & (a < 1)).all(), ((c >= 0) & (c < 10)).all())
p = np.random.permutation(10)
print(p.shape, np.sort(p))
type(np.random.rand()).__name__
