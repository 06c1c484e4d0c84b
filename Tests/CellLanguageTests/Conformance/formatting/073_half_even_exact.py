for x in [0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, 0.045, 1.0049999999999999]:
    print(repr(x), format(x, '.2f'), format(x, '.0f'), format(x, '.1e'))
