for v in [0, 0.0, -0.0, '', ' ', [], [0], {}, {0: 0}, set(), (), None, 'False', float('nan'), range(0), range(1)]:
    print(repr(v), bool(v), not v)
print(bool(), int(), float(), repr(str()), list(), tuple(), dict(), set())
print(str(True), int(True) + 1, True and 'yes', 0 or [] or 'last', repr('' and 1), None or 0)
print(list('abc'), list((1, 2)), list({'a': 1}), tuple([1]), tuple('ab'), list(range(3)), set([1, 1, 2]), list({'b': 0, 'a': 1}.values()))
print(str(1e-5), str(123.0), str(1.5e300), int(' 7 '), float(True), bool('0'), bool(0.0 + 1e-300), str(2 ** 40))
