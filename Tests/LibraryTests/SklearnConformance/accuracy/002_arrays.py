from sklearn.metrics import accuracy_score
import numpy as np
probs = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.2, 0.8]])
labels = np.array([1, 0, 0, 0, 1])
print(accuracy_score(labels, probs.argmax(axis=1)))
print(accuracy_score(labels.reshape(-1, 1), probs.argmax(axis=1)))
print(accuracy_score(labels.astype('float32'), probs.argmax(axis=1)))
print(f'{accuracy_score(labels, probs.argmax(axis=1)):.2%}')
accuracy_score(np.array([[0, 1], [1, 1]]), np.ones((2, 2)))
