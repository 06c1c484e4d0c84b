d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, len(d))
print(d['a'], d.get('z'), d.get('z', 0))
print(list(d), sorted(d))
print({}, {1: 'one', 2.5: [1], (1, 2): 'tuple key'})
print(dict(a=1, b=2), dict([('x', 1), ('y', 2)]))
print(dict(zip('abc', range(3))))
d['a'] = 100
print(d)
