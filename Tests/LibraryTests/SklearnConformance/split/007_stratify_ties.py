from sklearn.model_selection import train_test_split
import numpy as np
y = ['a', 'b', 'c'] * 5 + ['d'] * 4
X = list(range(len(y)))
for seed in [0, 1, 5]:
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=7, stratify=y, random_state=seed)
    print(X_test, y_test)
    print(X_train)
