import numpy as np
img = (np.arange(28 * 28) % 256).astype(np.uint8).reshape(28, 28)
print(img[10])
img[5:8]
