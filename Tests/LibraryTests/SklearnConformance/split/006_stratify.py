from sklearn.model_selection import train_test_split
import numpy as np
y = np.array([0] * 6 + [1] * 3 + [2] * 3)
X = np.arange(12)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
print(X_train, X_test)
print(y_train, y_test)
print(train_test_split(X, test_size=0.5, stratify=y, random_state=3))
