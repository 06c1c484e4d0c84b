n = 3
print('n=' + str(n), 'pi=' + str(3.14))
print(str(True) + str(None))
print(str([1, 'a']), str((1,)), str({'k': 2}))
print(repr([1, 'a']))
print(str(1e16), str(-0.0))
print('%s and %s' % ('x', 3))
