xs = [1, 2, 3]
print(2 in xs, 5 not in xs)
print('ell' in 'hello', 'z' in 'hello')
d = {'a': 1}
print('a' in d, 1 in d)
print(3 in (1, 2, 3), 2 in {1, 2})
a = None
print(a is None, a is not None)
ys = xs
print(ys is xs, list(xs) is xs, list(xs) == xs)
print(True is True)
