cases = [
    lambda: 1 + 'a', lambda: 'a' + 1, lambda: [1] + (2,), lambda: {} + {}, lambda: None + 1,
    lambda: 'a' * 'b', lambda: [1] * 2.0, lambda: 1 - 'x', lambda: 'ab' / 2, lambda: {1} + {2},
    lambda: -'x', lambda: ~1.5, lambda: 1 < 'a', lambda: [1] < (1,), lambda: None > None,
    lambda: 'a' in 5, lambda: 1 in 'abc', lambda: 2 ** 'x', lambda: 'x' % 5, lambda: [] - [],
    lambda: (1, 2) + [3], lambda: 1.5 // 'a', lambda: {} < {}, lambda: 'a' >= 1.5, lambda: +'s',
]
for i, case in enumerate(cases):
    try:
        print(i, repr(case()))
    except TypeError as e:
        print(i, 'TypeError:', e)
