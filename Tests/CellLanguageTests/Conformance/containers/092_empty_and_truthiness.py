values = [[], [0], (), (0,), {}, {0: 0}]
values += [set(), '', ' ', 0, 0.0, None]
for v in values:
    print(repr(v), bool(v))
print([] == [], [] is [], () == ())
