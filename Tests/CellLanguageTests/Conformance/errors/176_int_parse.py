values = ['12', '7', 'x']
total = 0
for v in values:
    total += int(v)
    print('running total', total)
print(total)
