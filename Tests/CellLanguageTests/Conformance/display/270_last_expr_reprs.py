values = [1.0, -0.0, 1e16, 'quote\'s', 'dq"', None, True, (), (1,), [()], {1: (2,)}, set(), {1.5}, range(0, 3)]
for v in values:
    print(repr(v), str(v))
print(repr([1.0, 'a', None, [2, (3, {'k': 'v'})]]), str(['a', "b'c"]))
xs = [1]
xs.append(xs)
print(xs)
{'b': 1, 'a': [1, 2.50, 'x'], 'c': {'d': (None, True)}}
