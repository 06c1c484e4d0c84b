x = 5
assert x == 5
assert x > 0, 'x must be positive'
assert isinstance(x, int)
print('all assertions passed')
