data = [('a', 3), ('b', 1), ('c', 2)]
print(min(data, key=lambda p: p[1]), max(data, key=lambda p: p[1]))
print(max([], default='empty'), min([], default=None))
print(max('hello'), min([3, 1, 2]))
print(max(1, 2, 3, key=lambda v: -v))
print(max([1, 3, 3], key=lambda v: v), max(['b', 'a', 'B']))
