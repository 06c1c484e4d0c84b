class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        self.seen = value
        return kind is not None and issubclass(kind, self.kinds)

with Suppress(ZeroDivisionError) as s:
    1 / 0
    print('not reached')
print('after', repr(s.seen))
with Suppress(KeyError):
    pass
print('clean', s.seen, Suppress(KeyError).__enter__().kinds)
try:
    with Suppress(KeyError) as s2:
        raise ValueError('bad')
except ValueError as e:
    print('escaped', e, repr(s2.seen))
with Suppress(LookupError):
    [][1]
print('suppressed subclass')
with Suppress(KeyError):
    int('x')
