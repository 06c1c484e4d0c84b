from sklearn.model_selection import train_test_split
import numpy as np
X = np.arange(20).reshape(10, 2)
y = list(range(10))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)
print(X_train)
print(X_test)
print(y_train, y_test)
train_test_split(y, random_state=0)
