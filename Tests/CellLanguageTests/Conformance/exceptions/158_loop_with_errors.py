values = ['1', 'two', '3', '', '5.5']
total = 0
bad = []
for v in values:
    try:
        total += int(v)
    except ValueError:
        bad.append(v)
print(total, bad)
