def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

d = {'a': 1, 'b': 2, 'c': 3}
attempt('keys[0]', lambda: d.keys()[0])
attempt('values[0]', lambda: d.values()[0])
attempt('items index', lambda: d.items()[1])
attempt('keys eq set', lambda: d.keys() == {'a', 'b', 'c'})
attempt('keys and', lambda: sorted(d.keys() & {'a', 'z'}))
attempt('keys minus', lambda: sorted(d.keys() - {'a'}))
attempt('items eq', lambda: d.items() == {('a', 1), ('b', 2), ('c', 3)})
attempt('reversed keys', lambda: list(reversed(d.keys())))
attempt('list items', lambda: list(d.items())[-1])
attempt('in items', lambda: ('b', 2) in d.items())
attempt('len values', lambda: len(d.values()))
attempt('sorted values', lambda: sorted(d.values(), reverse=True))
attempt('get no arg', lambda: d.get())
attempt('items repr', lambda: {'x': [1], 'y': (2,)}.items())
attempt('update bad', lambda: d.update(5))
attempt('fromkeys shared', lambda: dict.fromkeys('ab', []))
attempt('or', lambda: d | {'a': 0, 'z': 26})
