import numpy as np
a = np.array([5, 3, 9, 1, 7, 2])
part = a[1:5]
part.sort()
print(a)
a[::2].fill(0)
a
