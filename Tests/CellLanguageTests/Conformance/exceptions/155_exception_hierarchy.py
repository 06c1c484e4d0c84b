try:
    [][1]
except LookupError as e:
    print('LookupError caught', type(e).__name__)
try:
    {}['x']
except Exception as e:
    print('Exception caught', type(e).__name__, e)
print(isinstance(ValueError('x'), Exception))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), str(e) == '')
