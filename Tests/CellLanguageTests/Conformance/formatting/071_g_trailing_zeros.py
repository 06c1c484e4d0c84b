for x in [1.0, 1.5, 100.0, 1e5, 1e6, 1234567.0, 0.0001, 0.00001, 1.23456789]:
    print(format(x, 'g'), format(x, '.3g'), format(x, '#.3g'))
print(format(0.0, 'g'), format(-0.0, 'g'))
