print(type(1), type(1.0), type('a'), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(len), type(lambda: 0), type(range(2)), type(print), int, float, str, type(int))
print(isinstance(True, int), isinstance(1, float), isinstance(1, (float, int)), isinstance('a', str), isinstance([], (tuple, dict)))
print(type(1) == int, type(True) is bool, type(3) is int, type(1) in (int, float), isinstance(None, type(None)))
def f():
    pass
print(type(f).__name__, f.__name__, (lambda: 0).__name__, len.__name__, int.__name__, type(None).__name__)
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TypeError:', e)
print(int('3') + int(2.9), str(type('x')), repr(type(1.5)), type(ValueError('x')), ValueError)
