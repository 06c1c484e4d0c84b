s = {3, 1, 2}
print(s)
print(sorted({10, 5, 7}))
print({x % 3 for x in range(10)})
print(set(range(5)) - {0, 4})
evens = {x for x in range(10) if x % 2 == 0}
print(evens, len(evens))
print({1, 2} == {2, 1})
