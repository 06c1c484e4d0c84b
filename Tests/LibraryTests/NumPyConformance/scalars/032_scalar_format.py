import numpy as np
m = np.array([0.123456, 0.5]).mean()
print(f'{m:.3f} {m:.2%} {m}')
acc = np.float32(0.8871)
print(f'Test accuracy: {acc:.3}')
print('%s and %r' % (acc, acc))
str(np.float64(1e16))
