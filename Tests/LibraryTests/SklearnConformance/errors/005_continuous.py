from sklearn.metrics import accuracy_score, confusion_matrix
import numpy as np
try:
    accuracy_score([0, 1, 1], [0.2, 0.9, 0.6])
except ValueError as e:
    print(e)
confusion_matrix(np.array([0.5, 1.5]), np.array([0.5, 1.5]))
