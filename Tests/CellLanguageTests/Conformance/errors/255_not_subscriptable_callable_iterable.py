def f():
    return 1
for v in [5, 2.5, None, len, True, f, range]:
    try:
        v[0]
    except TypeError as e:
        print('TypeError:', e)
for v in [5, 'text', [1], None, {'a': 1}, (1,), 2.5]:
    try:
        v()
    except TypeError as e:
        print('TypeError:', e)
for v in [5, 3.0, None, len, True]:
    try:
        len(v)
    except TypeError as e:
        print('TypeError:', e)
for v in [5, None, 2.5, f]:
    try:
        for _ in v:
            pass
    except TypeError as e:
        print('TypeError:', e)
for v in [5, None]:
    try:
        list(v)
    except TypeError as e:
        print('TypeError:', e)
