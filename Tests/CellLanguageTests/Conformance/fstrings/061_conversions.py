s = 'it\'s'
x = 2.5
print(f'{s!r} {s!s} {s}')
print(f'{x!r} {x!s}')
print(f'{[1, "a"]!s} {[1, "a"]!r}')
print(f'{s!r:>12}|')
print(f'{None!r} {True!s}')
