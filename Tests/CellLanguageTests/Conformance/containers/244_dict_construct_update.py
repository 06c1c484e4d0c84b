a = {'x': 1, 'y': 2}
b = dict(a, z=3)
print(b, dict([('p', 1), ('q', 2)]), dict(zip('ab', range(2))), dict.fromkeys(['u', 'v']), dict.fromkeys('ab', 0))
b.update({'x': 10}, w=4)
b.update([('y', 20)])
print(b, b == {'w': 4, 'x': 10, 'y': 20, 'z': 3}, a | {'y': 5}, {**a, 'k': 0})
c = b.copy()
c.clear()
print(c, b)
del b['x']
print(b, list(reversed(b)), sorted(b, key=b.get), max(b, key=b.get))
try:
    del b['nope']
except KeyError as e:
    print('KeyError', e)
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    dict([('a', 1, 2)])
except ValueError as e:
    print('ValueError', e)
print({1: 'a', True: 'b', 1.0: 'c'}, {(1, 2): 'tuple key'}, {None: 0}, {'a': 1} == {'a': 1.0})
