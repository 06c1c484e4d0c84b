import numpy as np
a = np.arange(12).reshape(3, 4)
row = a[0]
row[1] = 50
print(row)
a
