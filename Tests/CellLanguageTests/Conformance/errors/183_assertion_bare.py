x = [1, 2, 3]
assert len(x) == 3
print('first assertion passed')
assert len(x) == 4
print('unreachable')
