xs = [1.0, 'a', None, (1,), {'k': 0.5}]
print(str(xs))
print(repr(xs))
print(repr(repr('q')))
print(str('q'), repr(str(1.5)))
for v in xs:
    print(type(v).__name__, repr(v), str(v))
