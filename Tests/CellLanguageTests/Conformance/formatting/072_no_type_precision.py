values = [0.512, 0.8900001, 1.0, 100.0, 123.0]
values += [1234.5, 1e16, 1e-5, 0.1 + 0.2]
for x in values:
    print(format(x, '.3'), format(x, '.1'), format(x, '.6'), format(x, ''))
print(format(12.0, '.3'), format(99.99, '.3'), format(999.9, '.3'))
print(format(1.0, '#.3'), format(5, '.3f'), format(5, 'e'))
