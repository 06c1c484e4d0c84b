import numpy as np
for actual, desired, kw in [([1, 2], [1, 2, 3], {}), ([1, np.nan], [1, 2], {}), (1.0, 1.1, {}),
                            ([[1.0, 2], [3, 4]], [[1, 2], [3, 4.5]], {'rtol': 1e-3, 'err_msg': 'weights'}),
                            (np.arange(8.0), np.arange(8.0) + 1, {'atol': 0.5})]:
    try:
        np.testing.assert_allclose(actual, desired, **kw)
    except AssertionError as e:
        print(str(e))
        print('--')
