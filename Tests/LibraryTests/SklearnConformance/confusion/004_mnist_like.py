from sklearn.metrics import confusion_matrix
import numpy as np
y = np.arange(60) % 10
p = (np.arange(60) * 3 + 1) % 10
p[::2] = y[::2]
cm = confusion_matrix(y, p)
print(cm)
print(cm.sum(), sum(cm[i, i] for i in range(10)))
print(cm[0] / cm.sum(axis=1))
cm.max(axis=0)
