import numpy as np
x = np.arange(20).reshape(10, 2)
train, test = x[:6], x[6:]
print(train.shape, test.shape)
print(x[-3:])
x[::4, 1]
