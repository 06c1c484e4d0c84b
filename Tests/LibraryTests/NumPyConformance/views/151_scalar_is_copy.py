import numpy as np
a = np.arange(4.0)
s = a[1]
a[1] = 10
print(s, type(s).__name__)
for row in np.arange(6).reshape(3, 2):
    row[0] = -row[0]
    print(row)
a
