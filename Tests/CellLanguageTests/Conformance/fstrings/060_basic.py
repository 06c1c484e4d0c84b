name = 'Ann'
age = 30
print(f'{name} is {age}')
print(f'{name!r} is {age + 1} next year')
print(f"{'quoted'} {name.upper()} {len(name)}")
print(f'{{braces}} {age}')
print(F'capital F {age * 2}')
print(f'{3.0} {1e16} {0.1 + 0.2}')
