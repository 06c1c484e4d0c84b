from sklearn.metrics import classification_report
import numpy as np
y_true = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
y_pred = np.array([0, 1, 0, 0, 1])
print(classification_report(y_true, y_pred))
print(classification_report([True, False, True], [True, True, True], zero_division=0))
