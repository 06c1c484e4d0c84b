from sklearn.metrics import accuracy_score
import numpy as np
y = np.arange(100) % 10
p = (np.arange(100) * 7 + 3) % 10
p[::3] = y[::3]
print(accuracy_score(y, p))
print(accuracy_score(y, p, normalize=False))
print(round(accuracy_score(y, y), 4))
print(accuracy_score([True, False, True], [True, True, True]))
