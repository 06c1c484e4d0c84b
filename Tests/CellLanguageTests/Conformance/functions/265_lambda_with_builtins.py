pairs = [(1, 'one'), (3, 'three'), (2, 'two'), (4, 'four')]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: len(p[1])))
print(sorted(pairs, key=lambda p: -p[0])[:2])
print(list(map(lambda p: p[0] * 2, pairs)), list(filter(lambda p: p[0] % 2, pairs)))
scores = {'ann': 3, 'bob': 5, 'cat': 3}
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(scores, key=lambda k: scores[k]), min(scores.values()), sorted(scores, key=scores.get, reverse=True))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(3), (lambda *a, **k: (a, k))(1, z=2), (lambda x, y=10: x + y)(1))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, '', 'a', None, [], [0]])))
print(repr(map), list(map(str, range(3))), list(map(int, ['1', ' 2'])), list(map(len, ['ab', ''])))
