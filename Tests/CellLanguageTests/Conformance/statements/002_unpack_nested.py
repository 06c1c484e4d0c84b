(a, b), (c, d) = (1, 2), [3, 4]
print(a, b, c, d)
[x, (y, z)] = ['p', ('q', 'r')]
print(x + y + z)
for i, (name, score) in enumerate([('ann', 3), ('bob', 5)]):
    print(i, name, score)
