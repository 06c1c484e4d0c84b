print(range(5), range(1, 5), range(0, 10, 3), range(5, 0, -1), range(0), repr(range(-3, 3, 2)))
print(list(range(5, 0, -2)), list(range(0)), len(range(0, 10, 3)), len(range(10, 0)), range(10)[-2], 3 in range(5), 5 in range(5))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1], [2], [3])), dict(zip(range(3), 'xyz')))
print(list(enumerate('abc')), list(enumerate(['x', 'y'], start=1)), list(enumerate([], 5)))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
print(type(zip([], [])).__name__, type(enumerate([])).__name__, type(range(3)).__name__)
print(list(reversed(range(4))), list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))))
print(range(3) == range(0, 3), range(0) == range(5, 2), sum(range(101)), max(range(7)), sorted(range(3), reverse=True))
for bad in [lambda: range(1, 5, 0), lambda: range(1.5), lambda: range(), lambda: zip(1), lambda: enumerate(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for i, (a, b) in enumerate(zip('xy', [10, 20])):
    print(i, a, b)
