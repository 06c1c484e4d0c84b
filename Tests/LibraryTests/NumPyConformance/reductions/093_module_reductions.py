import numpy as np
x = np.array([[1, 5, 2], [8, 3, 9]])
print(np.sum(x), np.max(x), np.min(x), np.mean(x), np.argmax(x))
print(np.argmax(x, axis=1), np.sum(x, axis=0), np.std(x))
np.mean(x, axis=1)
