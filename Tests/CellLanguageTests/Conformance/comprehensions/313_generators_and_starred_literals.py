xs = [1, 2]
g = (x * 10 for x in xs)
xs = [7, 8, 9]
print(list(g))
ys = [1, 2]
h = (y for y in ys)
ys.append(3)
print(list(h))
a, b = [1, 2], (3, 4)
print([*a, *b], (*a, 0), {*a, *b}, {**{'k': 1}, **{'k': 2, 'j': 3}}, [*'ab', *range(2)], (*a,))
it = iter([10, 20])
print(next(it), next(it), next(it, 'done'), next(iter('xy')))
gen = (n for n in range(2))
print(list(zip(gen, 'abc')), list(gen))
squares = (n * n for n in range(5))
print(sum(squares), sum(squares), max((n for n in [3, 9, 2]), default=0), sorted(c for c in 'bca'))
first, *middle, last = (c.upper() for c in 'hello')
print(first, middle, last, [x for x in iter(range(3))])
