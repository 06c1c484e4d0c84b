xs = [1, 2, 3]
for action in ['index', 'tuple', 'str', 'slice', 'del', 'dict']:
    try:
        if action == 'index':
            xs[5] = 0
        elif action == 'tuple':
            t = (1, 2)
            t[0] = 5
        elif action == 'str':
            s = 'abc'
            s[0] = 'x'
        elif action == 'slice':
            xs[::2] = [9]
        elif action == 'del':
            del xs[7]
        else:
            d = {}
            d[[1]] = 2
    except (IndexError, TypeError, ValueError) as e:
        print(action, type(e).__name__, e)
xs[1:2] = [7, 8, 9]
xs[::2] = [0, 0, 0]
print(xs)
del xs[::2]
print(xs)
xs[5:] = 'ab'
xs[0:0] = range(2)
print(xs)
