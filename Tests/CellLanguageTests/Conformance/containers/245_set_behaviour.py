s = {3, 1, 2}
print(s, set(), {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3}, set([5, 5, 4]))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1} >= set(), {1, 2}.isdisjoint({3}), {1, 2}.issubset([1, 2, 5]))
s.add(2)
s.discard(10)
print(s, len(s), sorted(s, reverse=True), s.union([9], (8,)), s.intersection(range(3)), s.difference([1]))
for bad in [lambda: s.remove(10), lambda: set().pop(), lambda: {[1]}, lambda: {1} + {2}, lambda: s[0]]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
t = set()
t.update([3, 1], {2})
print(t, t.pop(), t, {1, 1.0, True}, {0, False}, 2 in t, sorted({'b', 'a'}), set(range(3)) == {0, 1, 2})
print({10, 20, 30, 40}, {100, 3, 64, 7}, {-1, -2, 5}, set('aaa'), {x % 4 for x in range(10)})
