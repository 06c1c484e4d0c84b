pairs = [(1, 2), (3, 4, 5)]
total = 0
for a, b in pairs:
    total += a + b
    print('ok', total)
print('unreachable')
