name = 'Ada'
items = ['a', 1, 2.5, None]
w, p = 10, 3
print(f'{name!r}', f'{name!s}', f'{items!r}', f'[{name!r:>8}]', f'{items[0]!r}')
print(f'[{3.14159:{w}.{p}f}]', f'[{name:{"^"}{w}}]', f'[{"x":{w}}]', f'[{name:>{w - 4}}]')
print(f'{w=}', f'{w + p = }', f'{name=!s}', f'{p=:5}', f'{name=}')
print(f'{{literal}}', f'{{{w}}}', f"{'q'}", f'{w}{p}', f'{w:}{p}')
d = {'k': 1}
print(f"{d['k']}", f'{len(items)}', f'{items[1:3]}', f'{-w}', f'{w if w > 5 else p}', f'{[i * 2 for i in range(3)]}')
print(f'{True}', f'{None}', f'[{True:>6}]', f'{1.0}', f'{1e20}', f'{1.5e-7}', f'{2**0.5:.3}', f'[{None!s:>5}]')
