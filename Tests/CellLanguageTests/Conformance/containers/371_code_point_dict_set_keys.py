# Dict keys and set members are told apart by code points, as CPython does.
a = '\u00e9'
b = 'e\u0301'
d = {a: 'composed'}
d[b] = 'decomposed'
print(len(d), d[a], d[b], a in d, b in d, d.get('e\u0301'), list(d.values()))
s = {a, b, 'e\u0301', '\u00e9'}
print(len(s), sorted(len(x) for x in s), a in s, b in s, 'e' in s)
print(len({a: 1, b: 2}), len(set([a, b, a])), len(frozenset([b, b])), {a} == {b}, {a, b} - {b} == {a})
counts = {}
for word in ['caf' + a, 'caf' + b, 'cafe\u0301', 'caf\u00e9', 'cafe']:
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.values()), len(counts), [len(k) for k in counts])
del d[a]
print(len(d), b in d, a in d, d.pop(b), d)
print([a, b] == [b, a], (a,) == (b,), [a, b].index(b), {a: 1} == {b: 1}, {(a, 1): 0}.get((b, 1)))
