import numpy as np
m = np.arange(12).reshape(3, 4)
print(np.trace(m), np.trace(m, offset=1), np.trace(m, -1), np.trace(np.eye(3)))
z = np.zeros((3, 3), dtype=int)
np.fill_diagonal(z, 5)
print(z)
tall = np.zeros((4, 2))
np.fill_diagonal(tall, 1.5)
print(tall)
confusion = np.ones((2, 2))
np.fill_diagonal(confusion, np.nan)
confusion
