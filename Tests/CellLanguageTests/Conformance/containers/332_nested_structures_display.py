config = {'layers': [{'units': 32, 'activation': 'relu'}, {'units': 10, 'activation': None}],
          'optimizer': ('sgd', {'lr': 0.01, 'momentum': 0.0}), 'epochs': 5, 'shuffle': True, 'seeds': {1, 2}}
print(config)
print(config['layers'][0], config['optimizer'][1]['lr'], len(config['layers']), list(config))
grid = [[0.0] * 3 for _ in range(2)]
grid[1][2] = 1e-5
print(grid, [[round(v, 2) for v in row] for row in grid], [(i, j) for i, row in enumerate(grid) for j, v in enumerate(row) if v])
empty = {'list': [], 'dict': {}, 'tuple': (), 'set': set(), 'str': '', 'nested': [[], [[]]]}
print(empty, repr(empty['str']), [k for k, v in empty.items() if not v])
config
