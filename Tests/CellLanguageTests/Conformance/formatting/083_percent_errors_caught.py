cases = [('%d', ('x',)), ('%d %d', (1,)), ('%d', (1, 2)), ('%x', (1.5,)), ('%f', ('a',)), ('%y', (1,)), ('%c', ('ab',))]
for fmt, args in cases:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
