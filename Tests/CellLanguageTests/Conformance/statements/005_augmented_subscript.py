counts = {'a': 1}
counts['a'] += 1
counts['b'] = counts.get('b', 0) + 10
xs = [1, 2, 3]
xs[0] += 100
xs[-1] *= 5
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(counts, xs, grid)
lst = [1]
lst += [2, 3]
print(lst)
