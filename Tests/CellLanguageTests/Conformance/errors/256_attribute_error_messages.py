cases = [lambda: (5).append, lambda: 's'.push, lambda: [1].add, lambda: None.x, lambda: {}.append,
         lambda: (1,).sort, lambda: (2.5).real_part, lambda: len.foo, lambda: True.upper, lambda: range(3).append]
for case in cases:
    try:
        case()
    except AttributeError as e:
        print('AttributeError:', e)
xs = [1, 2]
xs.apend(3)
