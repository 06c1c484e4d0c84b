try:
    x = 1 / 0
except ZeroDivisionError:
    print('caught division by zero')
try:
    int('abc')
except ValueError as e:
    print('ValueError:', e)
try:
    [1, 2][5]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
print('after')
