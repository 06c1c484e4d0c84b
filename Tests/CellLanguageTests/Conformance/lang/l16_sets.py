s = {5, 3, 1}
s.add(4); s.discard(10); s.remove(5)
print(s, set(range(5)) - {1, 3}, {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} ^ {2, 3})
print(s.union([9, 7]), s.intersection({3, 4, 8}), s.difference([1]), s.issubset(range(10)))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1} == {1.0}, frozenset([2, 1]), set())
t = {100, 8, 16, 33}
t.pop()
print(t, sorted(t), len(t), {(1, 2), (1, 2)}, {'only'})
s |= {20}; s -= {1}
s
