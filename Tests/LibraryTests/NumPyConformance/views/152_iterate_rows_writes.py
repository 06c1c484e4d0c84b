import numpy as np
m = np.zeros((3, 2))
for i, row in enumerate(m):
    row[:] = i
m
