import numpy as np
print(np.zeros(3), np.ones((2, 2)), np.full((2, 3), 7))
print(np.zeros(3, dtype=np.uint8), np.ones(2, dtype='float32'))
print(np.full(2, 0.5).dtype, np.zeros_like(np.arange(3)), np.ones_like(np.zeros(2, dtype=np.float32)))
np.eye(3)
