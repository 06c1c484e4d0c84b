grid = {(0, 0): 'origin', (1, 0): 'east'}
print(grid[(0, 0)], grid[1, 0])
for key in grid:
    print(key, grid[key])
print(grid[(2, 3)])
