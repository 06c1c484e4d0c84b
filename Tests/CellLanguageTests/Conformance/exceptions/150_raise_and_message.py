def check(n):
    if n < 0:
        raise ValueError(f'negative value: {n}')
    return n

for v in [3, -1]:
    try:
        print(check(v))
    except ValueError as e:
        print('error:', e, '|', repr(e), '|', str(e))
