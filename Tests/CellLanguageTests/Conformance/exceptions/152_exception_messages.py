tests = [lambda: 1 / 0, lambda: int('x'), lambda: [][0], lambda: {}['k'],
         lambda: 'a' + 1, lambda: None.foo, lambda: float('bad'),
         lambda: [1].index(9), lambda: 1 % 0, lambda: 2.0 / 0]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, '-', str(e))
