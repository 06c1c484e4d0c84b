import numpy as np
predictions = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
labels = np.array([1, 0, 0, 0])
predicted = np.argmax(predictions, axis=1)
print(predicted, predicted == labels)
print((predicted == labels).mean())
f'{np.mean(predicted == labels):.1%}'
