matrix = [[1, 2, 3], [4, 5, 6]]
print([x for row in matrix for x in row if x % 2], [[r[i] for r in matrix] for i in range(3)])
print({k: v for k, v in zip('abc', range(3)) if v}, {x % 3 for x in range(10)})
gen = (x * x for x in range(4))
print(sum(gen), sum(gen), list(x for x in 'ab'))
x = 'outer'
print([x for x in range(3)], x)
print(max((len(w), w) for w in ['aa', 'b', 'ccc']), min(range(5), key=lambda v: (v - 2) ** 2))
print([(i, j) for i in range(3) for j in range(i)], [y for y in [[1, 2], [3]][0]])
print(dict((str(i), i) for i in range(3)), sorted({-x for x in range(3)}))
