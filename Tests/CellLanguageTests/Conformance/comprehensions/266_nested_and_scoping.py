matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2], [(i, j) for i in range(3) for j in range(i)])
print({i: [j for j in range(i)] for i in range(4)}, {x % 3 for x in range(10)})
print([x if x > 2 else -x for x in range(5)], [y for x in range(4) if x for y in [x, x * 10] if y != 2])
print(sum(x * y for x, y in zip([1, 2], [3, 4])), max(len(w) for w in ['a', 'abc']), list(x for x in 'ab'))
print([[0] * 2 for _ in range(2)], [(k, v) for k, v in {'a': 1, 'b': 2}.items()], {k: v for k, v in zip('ab', 'xy')})
x = 'outer'
print([x for x in range(2)], x)
gen = (n * n for n in range(3))
print(next(gen), list(gen), list(gen))
print(any(x > 2 for x in []), all(x > 2 for x in []), [i for i in range(3)][::-1], [c * 2 for c in 'ab' if c != 'a'])
offset = 10
print([v + offset for v in range(3)], [[c for c in w] for w in ['ab', 'c']], sorted({w: len(w) for w in ['bb', 'a']}.items()))
