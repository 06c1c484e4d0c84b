import numpy as np
x = np.arange(6).reshape(2, 3)
for key in [(..., ...), (0, 0, 0, ...), (..., 0, 0, 0)]:
    try:
        x[key]
    except IndexError as e:
        print(e)
x[..., 5]
