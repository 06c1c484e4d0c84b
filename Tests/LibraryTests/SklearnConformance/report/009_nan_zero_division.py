from sklearn.metrics import classification_report
import numpy as np
y_true = [0, 1, 2, 2]
y_pred = [0, 0, 0, 2]
print(classification_report(y_true, y_pred, zero_division=np.nan))
classification_report(y_true, y_pred, zero_division=np.nan, output_dict=True)['macro avg']
