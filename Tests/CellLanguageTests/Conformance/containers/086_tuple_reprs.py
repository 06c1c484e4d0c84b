print((), (1,), (1, 2), ((1,), ()))
t = 1,
print(t, len(t), type(t))
print(tuple([1, 2]), tuple('xy'))
print((1, 'a', [2]), ('only',))
a = (1, 2, 3)
print(a[0], a[-1], a[1:], a[::-1])
print(a.index(2), a.count(3), 2 in a)
