values = [0.0, 1.0, 12345.678, 0.000123, 1e100, 1e-100]
values += [5e-324, 1.7976931348623157e308]
for x in values:
    print(f'{x:e} {x:.2e} {x:.0e} {x:E} {x:#.0e}')
print(f'{-1.5:e}', f'{1.5:+.3e}')
