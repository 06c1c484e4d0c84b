import numpy as np
x = np.arange(6).reshape(2, 3)
a = x[1, 2, ...]
print(repr(a), type(a).__name__, a.shape, a.ndim)
a[...] = 40
print(x)
print(repr(x[0, 0]), type(x[0, 0]).__name__)
z = np.array(5.5)
print(repr(z[...]), z[...].ndim)
images = np.zeros((3, 28, 28), dtype="uint8")
images[..., np.newaxis].astype("float32").shape
