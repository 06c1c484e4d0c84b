first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
p, *q = (9,)
print(p, q)
head, *tail = 'x', 'y'
print(head, tail)
