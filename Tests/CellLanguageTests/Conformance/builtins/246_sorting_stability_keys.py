people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
xs = [3, -1, 2, -3, 1]
xs.sort(key=abs)
print(xs, sorted(xs, key=abs, reverse=True))
print(sorted([2.5, 1, True, -0.5]), sorted('hello', reverse=True), sorted({'b': 1, 'a': 2}))
print(sorted([]), sorted((3, 1)), sorted([[2, 1], [1, 5], [1, 2]]), sorted([(1, 'b'), (1, 'a')]))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]), min([], default='none'), max([], key=len, default=0))
print(min(3, 1, 2), max('a', 'B'), min([1, 2], [1, 1, 5]), max(xs, key=lambda v: v * v), min(people))
for bad in [lambda: min([]), lambda: sorted([1, 'a']), lambda: sorted([3, 1], key=None, reverse=1) + sorted(1)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
