import numpy as np
i = np.arange(3)
f = np.arange(3, dtype=np.float32)
print((i + f).dtype, (f + 1.5).dtype, (f * 2).dtype, (i * 1.0).dtype)
print((np.arange(3, dtype=np.int32) + np.float32(1)).dtype)
(f + np.float64(1)).dtype
