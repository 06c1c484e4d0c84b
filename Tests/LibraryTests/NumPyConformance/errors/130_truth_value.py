import numpy as np
x = np.array([1, 2])
if x:
    print('yes')
