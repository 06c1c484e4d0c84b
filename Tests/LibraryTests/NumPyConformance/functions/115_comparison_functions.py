import numpy as np
best = np.inf
print(repr(np.less(0.5, best)), repr(np.greater(2, 3)), np.less_equal(2, 2.0))
a = np.array([1.0, 2.5, 3.0])
print(np.less(a, 2.5), np.greater_equal(a, 2.5), np.equal(a, 3), np.not_equal(a, [1, 0, 3]))
np.greater(a, np.array([[0.0], [3.0]]))
