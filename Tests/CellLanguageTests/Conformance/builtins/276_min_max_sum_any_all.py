print(sum([]), sum([1.5, 2]), sum([[1], [2]], []), sum(range(5), 10), sum([0.1] * 10), sum([True, True, False]), sum((), 0.0))
print(max([1, 3, 2]), max(1, 3, 2), max('abc', 'abd'), max([1.0, 1]), max([1, 1.0]), min([[2], [1, 9]]), max((), default=None))
print(max([3, 1, 3], key=lambda v: -v), min('hello world'.split(), key=len), max(['b', 'a', 'c'], key=str.upper), max(2, 2.0))
print(any([]), all([]), any([0, '', None]), all([1, 'a', [0]]), any(x for x in [0, 0, 3]), all('abc'), any('') , all([[]]))
print(abs(-3), abs(-2.5), abs(0), abs(-0.0), round(-2.5), round(-3.5), round(3.14159, 3), round(10, -1), round(15, -1), round(25, -1))
for call in [lambda: sum(['a', 'b']), lambda: sum([1, 'a']), lambda: max(), lambda: max(1), lambda: min([], key=len), lambda: sum(1),
             lambda: sum(['a'], ''), lambda: max(1, 'a'), lambda: min(1, 2, default=0)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
