import numpy as np
x = (np.arange(100 * 28 * 28) % 251).astype(np.uint8).reshape(100, 28, 28)
x
