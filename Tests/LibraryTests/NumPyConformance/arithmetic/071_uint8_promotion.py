import numpy as np
x = np.array([0, 100, 255], dtype=np.uint8)
print((x / 255).dtype, (x.astype('float32') / 255).dtype)
print(x + 1)
print((x + 1).dtype, (x * 2.0).dtype, (x * np.float32(2)).dtype)
x.astype('float32') / 255
