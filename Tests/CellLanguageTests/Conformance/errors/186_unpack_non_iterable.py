a, b = 'xy'
print(a, b)
value = 5
print('unpacking', value)
p, q = value
