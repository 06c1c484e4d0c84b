data = {'a': [1, (2, 3)], 'b': {'c': None}}
data['d'] = {1, 2}
data['e'] = ''
data['f'] = -0.0
data
