grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
d = {'layers': [], 'meta': {'name': 'net'}}
d['layers'].append('dense')
d['meta']['units'] = 32
print(d)
alias = d['layers']
alias.append('dropout')
print(d['layers'])
