from math import sqrt, pi as PI
import math as m
xs = [1, 2, 3,]  # trailing comma; a '#' in a string: '#'
def f(a, b,):
    """Docstring only, then code."""

    return a - b  # comment after code
print(f(5, 2,), xs, sqrt(16), round(PI, 3), m.floor(-0.5), '#not a comment')
a = b, c = 1, 2
t = *xs, *'ab'
for i, in [(1,), (2,)]:
    print(i, end=' ')
print(a, b, c, t, -2 ** 2, 2 ** -1, not 1 in [2], not not [], 1 if 0 else 2 if 0 else 3)
d = {'k': 1}; d['k'] += 1; xs[0] *= 10; xs[-1] -= 1
print(d, xs, (1 +
      2 +  # comment inside brackets
      3), [
    'multi',
    'line',
], {'x': 1 if xs else 0 for _ in range(2)})
global global_value
global_value = 1
if xs: print('one-line if')
else: print('no')
def g():
    global global_value
    del global_value
g()
print('global_value' in dir() if False else 'deleted', [x for x in range(3) if x if x != 1])
