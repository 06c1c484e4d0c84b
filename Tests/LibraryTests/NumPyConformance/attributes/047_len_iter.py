import numpy as np
x = np.arange(6).reshape(3, 2)
for row in x:
    print(row, row.sum())
print(len(x), list(np.arange(3)))
[int(v) for v in np.array([3, 1, 2])]
