print(', '.join(['a', 'b']), repr(''.join([])), '-'.join('abc'), '+'.join(str(i) for i in range(4)), ' '.join(('x',)))
try:
    ', '.join(['a', 1, 'b'])
except TypeError as e:
    print('TypeError:', e)
print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'), 'abc'.rpartition('x'))
try:
    'abc'.partition('')
except ValueError as e:
    print('ValueError:', e)
print('{} + {} = {}'.format(1, 2, 3), '{1}{0}{1}'.format('a', 'b'), '[{name!r:>8}]'.format(name='x'))
print('{0[1]} {1[k]}'.format([10, 20], {'k': 'v'}), '[{:>{}}]'.format('r', 4), '{:{w}.{p}f}'.format(3.14159, w=8, p=2))
print('{{}} {}'.format(5), '{:%}'.format(0.5), '[{!s:^7}]'.format(None), '{0}{0}'.format('ab'), '{}'.format([1, 'a']))
for template, args in [('{} {}', (1,)), ('{x}', ()), ('{0} {}', (1, 2)), ('{', ()), ('}', ())]:
    try:
        print(template.format(*args))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
