from sklearn.metrics import classification_report
import numpy as np
y = np.arange(1000) % 10
p = (np.arange(1000) * 7 + 3) % 10
p[::3] = y[::3]
p[1::7] = 4
p[2::11] = 9
print(classification_report(y, p, digits=3))
report = classification_report(y, p, output_dict=True)
print(report['weighted avg'])
print(report['9'])
