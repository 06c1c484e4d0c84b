import numpy as np
x = np.arange(24).reshape(2, 3, 4)
print(x[..., 0])
print(x[0, ...])
print(x[..., None].shape, x[None, ...].shape, x[..., np.newaxis, 1].shape)
print(x[1, ..., 2], x[..., 1:3].shape, x[...].shape)
print(x[0, 1, ...], x[..., 0, 1, 2].shape)
y = x.reshape(2, 12)[..., ::5]
print(y)
m = x[..., 0] > 10
print(x[m, ...], x[m, ...].shape)
x[..., 0] = -1
x[1, ...] = 7
x
