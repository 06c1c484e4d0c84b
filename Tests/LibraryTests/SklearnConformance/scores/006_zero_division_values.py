from sklearn.metrics import precision_score, recall_score, f1_score
import numpy as np
y_true = [0, 1, 2, 2, 0]
y_pred = [0, 0, 0, 2, 0]
print(precision_score(y_true, y_pred, average='macro', zero_division=0))
print(precision_score(y_true, y_pred, average='macro', zero_division=1))
print(precision_score(y_true, y_pred, average='macro', zero_division=np.nan))
print(precision_score(y_true, y_pred, average=None, zero_division=1.0))
print(precision_score(y_true, y_pred, average='weighted', zero_division=np.nan))
print(f1_score([0, 0], [0, 0], labels=[1], average='macro', zero_division=1))
precision_score([0, 1, 1], [0, 0, 0], zero_division=np.nan)
