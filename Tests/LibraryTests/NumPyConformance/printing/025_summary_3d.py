import numpy as np
x = np.arange(2 * 600).reshape(2, 20, 30)
x
