xs = ['a', 'b', 'c']
print(list(enumerate(xs)))
print(list(enumerate(xs, start=1)))
for i, x in enumerate(xs, 10):
    print(i, x)
print(list(zip([1, 2, 3], 'ab')))
print(list(zip()))
print(dict(zip(['k1', 'k2'], [1, 2])))
print(list(zip(*[(1, 'a'), (2, 'b')])))
