nan = float('nan')
print(nan <= 1, nan >= 1, 1 <= nan, 1 >= nan, nan <= nan, nan >= nan, 1.0 <= 1, 2 >= 2.0)
print([nan] <= [nan], [nan] == [nan], (1, nan) == (1, nan), [nan] <= [1], [1, nan] < [1, 2], {'k': nan} == {'k': nan})
print({1, 2} <= {3}, {1, 2} >= {3}, {1} <= {1, 2}, {1, 2} >= {1}, {1, 2} >= {1, 2}, {1, 2} > {1, 2}, set() <= set())
print([1, 2] <= [1, 2], [1, 2] >= [1, 3], (1,) <= (1, 0), (2,) >= (1, 9), 'abc' <= 'abd', 'b' >= 'abc', [] <= [])
for bad in [lambda: 1 <= 'a', lambda: 'a' >= 1, lambda: [1] <= [None], lambda: {1} <= [1], lambda: None >= None]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError:', e)
