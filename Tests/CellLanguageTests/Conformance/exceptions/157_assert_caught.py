def validate(x):
    assert x > 0, f'x must be positive, got {x}'
    return x

for v in [5, -2]:
    try:
        print(validate(v))
    except AssertionError as e:
        print('AssertionError:', e)
try:
    assert False
except AssertionError as e:
    print(repr(e))
