import numpy as np
x = np.array([[1, 2], [3, 4]], dtype=np.uint8)
print(x.tolist(), type(x.tolist()[0][0]).__name__)
print(x[1, 1].item(), x.sum().item())
np.array([0.5, 1.5], dtype=np.float32).tolist()
