import numpy as np
x = np.array([[0, 128, 255], [3, 4, 5]], dtype='uint8')
print(x)
x
