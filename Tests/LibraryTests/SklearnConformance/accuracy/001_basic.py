from sklearn.metrics import accuracy_score
import numpy as np
y_true = [0, 1, 2, 3, 2, 1]
y_pred = [0, 2, 1, 3, 2, 1]
print(accuracy_score(y_true, y_pred))
print(accuracy_score(y_true, y_pred, normalize=False))
print(type(accuracy_score(y_true, y_pred)).__name__)
print(accuracy_score(np.array(y_true), np.array(y_pred)))
accuracy_score(['cat', 'dog', 'cat'], ['cat', 'cat', 'cat'])
