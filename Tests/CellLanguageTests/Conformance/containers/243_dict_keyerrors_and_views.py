d = {'a': 1, 'b': 2}
for key in ['c', 3, (1, 2), None, 2.5, '']:
    try:
        d[key]
    except KeyError as e:
        print('KeyError', e, repr(e), e.args)
print(d.keys(), d.values(), d.items())
print(list(d.keys()), 'a' in d.keys(), 1 in d.values(), ('a', 1) in d.items(), len(d.items()))
k = d.keys()
d['c'] = 3
print(k, len(k), {}.keys(), {}.items(), dict().values())
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError', e)
print(d.pop('zz', None), d.get('zz'), d.get('a', 0), d.setdefault('a', 9), d.setdefault('n', []), d)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
print(d.popitem(), d, list(d.items())[0], sorted(d.items()), [k for k in d])
