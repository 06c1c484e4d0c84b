# A reduction over an axis the array does not have.
import numpy as np
m = np.arange(6).reshape(2, 3)
print(m.sum(axis=1), m.max(axis=-2))
try:
    np.argmax(m, axis=2)
except ValueError as e:
    print("caught as ValueError:", e)
m.mean(axis=2)
