names = ['a', 'b', 'c']
scores = [90, 85, 77]
print([f'{i}:{n}' for i, n in enumerate(names, 1)])
print({n: s for n, s in zip(names, scores)})
print([n * 2 for n, s in zip(names, scores) if s > 80])
print(list(zip(names, scores, [True, False, True])))
print(list(zip('abc', range(10))))
