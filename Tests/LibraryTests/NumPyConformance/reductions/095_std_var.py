import numpy as np
x = np.array([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])
print(x.std(), x.var(), x.std(axis=0))
print(np.std(np.array([1, 2, 3, 4]), ddof=1))
x.std(axis=1)
