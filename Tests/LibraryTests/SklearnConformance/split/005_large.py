from sklearn.model_selection import train_test_split
import numpy as np
x = np.arange(5000).reshape(1000, 5).astype('float32')
y = np.arange(1000) % 10
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.1, random_state=42)
print(x_train.shape, x_val.shape, y_train.shape, y_val.shape, x_train.dtype, y_val.dtype)
print(y_val[:20])
print(x_val[:3])
print(x_train[-2:])
print(np.bincount(y_val))
