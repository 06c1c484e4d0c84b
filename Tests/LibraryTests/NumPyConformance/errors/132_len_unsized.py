import numpy as np
print(len(np.arange(3)))
len(np.array(5))
