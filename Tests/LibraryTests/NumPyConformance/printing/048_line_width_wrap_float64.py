import numpy as np
x = np.linspace(0, 1, 13)
print(x)
x
