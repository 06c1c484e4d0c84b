a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b))
print({1, 2} <= a, {1, 2}.issubset(a), a >= {1}, a.isdisjoint({9}))
print(set(), set([3, 1, 3]), len({1, 1, 1}))
s = {5}
s.add(6)
s.discard(99)
s.remove(5)
print(s, 6 in s)
