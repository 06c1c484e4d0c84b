t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, (1,) * 0, t[1:], len(t), 2 in t, max(t), t.index(2, 2))
print((), (1,), (1, 2), ((1,),), tuple(), tuple(x for x in 'ab'), (1, 'a', None, 2.5), ((),))
a, b = 1, 2
a, b = b, a
print(a, b)
x = 1,
print(x, type(x).__name__, (1, 2) == (1, 2), (1, 2) < (1, 2, 0), (1, 2) == [1, 2], (2,) > (1, 5))
try:
    t.index(9)
except ValueError as e:
    print('ValueError:', e)
try:
    t.append(5)
except AttributeError as e:
    print('AttributeError:', e)
i, (j, k), *l = 0, 'ab', 1, 2
print(i, j, k, l)
