from sklearn.metrics import confusion_matrix
import numpy as np
print(confusion_matrix(np.array([0.0, 1.0, 1.0]), np.array([1, 1, 0])))
print(confusion_matrix([True, False, True, True], [True, True, False, True]))
print(confusion_matrix(np.array([3, 5, 5, 7]), np.array([5, 5, 7, 3])))
print(confusion_matrix([-1, 1, 1], [1, 1, -1]))
