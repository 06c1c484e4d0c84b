s = {1, 2, 3}
s.add(4)
s.update([5, 6])
s.discard(1)
print(s)
print(s.pop() in {2, 3, 4, 5, 6}, len(s))
t = {4, 5, 100}
print(sorted(s & t), sorted(s | t), sorted(s - t), sorted(s ^ t))
print(s.issuperset({5}), {1}.isdisjoint(s))
s.clear()
print(s)
