from sklearn.model_selection import train_test_split
import numpy as np
y = (np.arange(500) * 7) % 10
y[:37] = 3
x = np.arange(1000).reshape(500, 2)
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=42)
print(np.bincount(y), np.bincount(y_train), np.bincount(y_test))
print(y_test[:25])
print(x_test[:4])
