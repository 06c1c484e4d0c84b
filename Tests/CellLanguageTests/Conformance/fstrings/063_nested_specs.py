width = 10
prec = 3
x = 3.14159265
print(f'{x:{width}.{prec}f}|')
print(f'{x:<{width}.{prec}}|')
print(f'{"mid":^{width}}|')
for p in range(4):
    print(f'{x:.{p}f}')
fill = '*'
print(f'{42:{fill}>{width}}')
