calls = [
    lambda: 'a'.splitlines(1, 2),
    lambda: 'a'.format_map(),
    lambda: 'a'.expandtabs(1, 2),
    lambda: 'a'.upper(1),
    lambda: [].insert(),
    lambda: [].index(),
    lambda: [].pop(1, 2),
    lambda: [].count(),
    lambda: [].sort(1),
    lambda: ().index(),
    lambda: ().count(1, 2),
    lambda: {}.setdefault(),
    lambda: {}.update(1, 2),
    lambda: {}.popitem(1),
    lambda: {}.keys(1),
    lambda: set().discard(),
    lambda: set().issubset(),
    lambda: dict.fromkeys(),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
