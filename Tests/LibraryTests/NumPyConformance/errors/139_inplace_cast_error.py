# Dividing raw uint8 pixels in place: NumPy refuses to cast the float result back.
import numpy as np
x = np.arange(6, dtype="uint8").reshape(2, 3)
x += 1
print(x)
try:
    x /= 2
except TypeError as e:
    print("caught as TypeError:", e)
x //= 2
print(x)
x /= 255
