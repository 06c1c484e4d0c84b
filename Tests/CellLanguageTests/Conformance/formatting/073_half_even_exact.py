values = [0.125, 0.375, 2.675, 1.005, 0.5]
values += [1.5, 2.5, 0.045, 1.0049999999999999]
for x in values:
    print(repr(x), format(x, '.2f'), format(x, '.0f'), format(x, '.1e'))
print(format(0.5, '.0%'), format(0.005, '.0%'), format(0.015, '.1%'))
print(format(1e22, '.0f'), format(2.0 ** 70, '.1f'))
