def power(base, exp=2):
    return base ** exp

print(power(3), power(3, 3), power(exp=3, base=2), power(2, exp=10))
def describe(name, *, unit='px', scale=1):
    return f'{name}: {scale}{unit}'
print(describe('w'), describe('h', scale=2), describe('d', unit='em', scale=3))
