import numpy as np
img = (np.arange(28 * 28) % 256).astype(np.uint8).reshape(28, 28)
x = img.astype('float32') / 255
print(x[3, :12])
x[3, :6]
