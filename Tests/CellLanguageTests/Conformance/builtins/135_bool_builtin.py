values = [0, 1, -1, 0.0, 0.1, '', 'a']
values += [[], [0], {}, None, True]
for v in values:
    print(repr(v), bool(v))
print(bool(), bool(range(0)), bool(range(1)))
print(bool('0'), bool(' '), bool(-0.0))
