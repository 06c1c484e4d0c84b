from sklearn.metrics import accuracy_score
import numpy as np
y_true = np.array([0, 1, 2, 1])
probs = np.array([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])
print(accuracy_score(y_true, probs.argmax(axis=1)))
accuracy_score(y_true, probs)
