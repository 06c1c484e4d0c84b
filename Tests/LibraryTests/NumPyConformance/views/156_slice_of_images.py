import numpy as np
x_train = np.arange(5 * 4 * 4, dtype=np.uint8).reshape(5, 4, 4)
first = x_train[:2]
first[0, 0, 0] = 255
print(x_train[0, 0], x_train[:2].shape)
half = x_train[:, ::2, ::2]
print(half.shape)
half[1] = 0
x_train[1]
