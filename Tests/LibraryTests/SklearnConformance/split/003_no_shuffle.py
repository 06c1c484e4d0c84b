from sklearn.model_selection import train_test_split
import numpy as np
a = np.arange(12).reshape(6, 2)
b = ['a', 'b', 'c', 'd', 'e', 'f']
parts = train_test_split(a, b, shuffle=False, test_size=2)
for part in parts:
    print(repr(part))
train_test_split(a, shuffle=False, train_size=0.5)
