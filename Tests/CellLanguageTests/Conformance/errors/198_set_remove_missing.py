s = {1, 2}
s.discard(5)
s.remove(1)
print(s)
s.remove(5)
