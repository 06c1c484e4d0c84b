for x in [0.512, 0.8900001, 1.0, 100.0, 123.0, 1234.5, 1e16, 1e-5, 0.1 + 0.2]:
    print(format(x, '.3'), format(x, '.1'), format(x, '.6'), format(x, ''))
