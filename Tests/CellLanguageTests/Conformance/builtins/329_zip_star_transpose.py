matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(col) for col in zip(*matrix)], list(map(sum, zip(*matrix))))
keys, values = zip(*{'a': 1, 'b': 2}.items())
print(keys, values, dict(zip(keys, values)), max(zip([3, 1, 3], 'abc')), min(zip('ba', [2, 1])))
pairs = sorted(zip(['c', 'a', 'b'], [3, 1, 2]), key=lambda kv: kv[1], reverse=True)
print(pairs, [k for k, _ in pairs], list(zip(range(3), range(10, 13), 'xyz')))
print(list(enumerate(zip('ab', 'cd'))), [i * j for i, j in zip(range(4), range(4)) if i % 2 == 0])
xs = [5, 3, 8]
print([xs[i] - xs[i - 1] for i in range(1, len(xs))], [b - a for a, b in zip(xs, xs[1:])], list(zip(xs, xs[1:], xs[2:])))
