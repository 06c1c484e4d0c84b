d = {'a': 1, 'b': 2}
print(d.keys(), d.values(), d.items())
k = d.keys()
d['c'] = 3
print(k, len(k), 'c' in k)
print(list(d.items())[0], 2 in d.values())
print(sorted(d.values(), reverse=True))
print(repr(d.items()))
