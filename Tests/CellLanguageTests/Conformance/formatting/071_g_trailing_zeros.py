values = [1.0, 1.5, 100.0, 1e5, 1e6]
values += [1234567.0, 0.0001, 0.00001, 1.23456789]
for x in values:
    print(format(x, 'g'), format(x, '.3g'), format(x, '#.3g'))
print(format(0.0, 'g'), format(-0.0, 'g'))
print(format(123456, 'G'), format(1e-20, 'G'))
