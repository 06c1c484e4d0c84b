import numpy as np
labels = np.array([2, 0, 1])
one_hot = np.zeros((labels.size, 3), dtype=np.float32)
one_hot[np.arange(labels.size), labels] = 1
print(one_hot)
one_hot.argmax(axis=1)
