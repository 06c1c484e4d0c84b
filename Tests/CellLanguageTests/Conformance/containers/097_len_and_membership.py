data = {'x': [1, 2, 3], 'y': 'abc', 'z': (1,)}
for k in sorted(data):
    print(k, len(data[k]))
print(len(data), 'x' in data, [1, 2, 3] in data.values())
print(len(range(3, 30, 3)))
print(len({1, 2, 2}))
