a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, 1 in a, 3 not in a, [1] in [[1], 2])
print('ab' in 'cabd', '' in '', 'a' in ['ab'], 1 in {1: 'x'}, 'x' in {1: 'x'}, 2 in {2, 3}, (1, 2) in [(1, 2)])
print(1.0 in [1], True in [1], 0 in [False], None in [0, '', []], float('nan') in [1.0])
print(True + 0, True is True, not None, not 0.0, bool([]) is False, (not 1) == False)
x = None
print(x is None, x == None, x is not None, type(x) is type(None))
print(1 < 2 and 'yes' or 'no', 0 and 'yes' or 'no', None if 0 else 'else', [1, 2][True], (1 > 0) + (2 > 0))
