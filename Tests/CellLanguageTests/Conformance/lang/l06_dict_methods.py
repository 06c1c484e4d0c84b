d = dict(a=1, b=2)
d.update({'c': 3}, d=4)
print(d.get('z'), d.get('z', 0), d.setdefault('e', 5), d.pop('a'), d.pop('zz', None))
print(list(d), list(d.values()), d.items())
print(d.popitem(), d, 'b' in d, 'b' in d.keys(), 2 in d.values())
keys = d.keys()
d['new'] = 1
print(keys, len(keys))
print(dict.fromkeys('ab', 0), dict(zip('xy', [1, 2])), {**d, 'b': 9})
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
d.clear()
d
