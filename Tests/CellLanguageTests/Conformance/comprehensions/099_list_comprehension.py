print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in 'abc' if c != 'b'])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print([x if x > 2 else 0 for x in range(5)])
words = ['a', 'bb', 'ccc']
print([len(w) for w in words])
