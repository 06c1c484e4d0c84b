xs = ['a', 'b', 'a', 'c', 'a']
print(xs.index('a'), xs.index('a', 1), xs.index('c'))
print(xs.count('a'), xs.count('z'))
print([i for i, x in enumerate(xs) if x == 'a'])
xs.remove('a')
print(xs)
print(xs.pop(1), xs)
