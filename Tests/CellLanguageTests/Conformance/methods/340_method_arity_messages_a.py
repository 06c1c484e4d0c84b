calls = [
    lambda: 'a'.count(),
    lambda: 'a'.find(),
    lambda: 'a'.find(1, 2, 3, 4),
    lambda: 'a'.startswith(),
    lambda: 'a'.endswith(1, 2, 3, 4),
    lambda: 'a'.index(),
    lambda: 'a'.rfind(),
    lambda: 'a'.replace(),
    lambda: 'a'.replace(1, 2, 3, 4),
    lambda: 'a'.split(1, 2, 3),
    lambda: 'a'.rsplit(1, 2, 3),
    lambda: 'a'.center(),
    lambda: 'a'.join(),
    lambda: 'a'.zfill(),
    lambda: 'a'.strip(1, 2),
    lambda: 'a'.partition(),
    lambda: 'a'.ljust(),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
