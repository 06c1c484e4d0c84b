import numpy as np
images = np.arange(2 * 4 * 4, dtype=np.uint8).reshape(2, 4, 4) * 8
flat = images.reshape(images.shape[0], 16).astype('float32') / 255
print(flat.shape, flat.dtype, repr(flat.max()), repr(flat.min()))
print(flat[1, :5])
flat.mean(axis=0)[:4]
