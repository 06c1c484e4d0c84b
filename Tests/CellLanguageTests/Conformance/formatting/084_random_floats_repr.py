values = [0.1, 0.7, 1.1, 2.2, 3.3, 0.15, 0.35]
values += [1 / 7, 22 / 7, 1e-3, 12.5e-9]
for v in values:
    print(v, v * 3, v / 3, v * v)
print(sum(values))
