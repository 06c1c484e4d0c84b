def report(title, *values, sep=', ', **extra):
    text = title + ': ' + sep.join(str(v) for v in values)
    for key in sorted(extra):
        text += f' [{key}={extra[key]!r}]'
    return text
print(report('a'))
print(report('b', 1, 2.5, None))
print(report('c', *range(3), sep='|', unit='ms', n=3))
opts = {'sep': '-', 'flag': True}
print(report('d', *'xy', **opts))
def defaults(a, b=[], c={}):
    b.append(a)
    c[a] = len(b)
    return b, c
print(defaults(1), defaults(2), defaults(3, []))
def only_kwargs(**kw):
    return kw
print(only_kwargs(), only_kwargs(x=1, y=[2]), only_kwargs(**{'z': 0}))
def f(a, b):
    return a - b
print(f(b=1, a=5), f(*(5, 1)), f(**{'a': 5, 'b': 1}), f(5, *[1]))
