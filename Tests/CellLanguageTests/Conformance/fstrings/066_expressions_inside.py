xs = [1, 2, 3]
d = {'key': 'value'}
print(f'{xs[0] + xs[-1]} {len(xs)} {sum(xs) / len(xs):.2f}')
print(f"{d['key']} {d.get('nope', 'default')}")
print(f'{"yes" if xs else "no"}')
print(f'{[x * 2 for x in xs]}')
print(f'{xs!r:>15}')
print(f'{(lambda v: v + 1)(2)}')
