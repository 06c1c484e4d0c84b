try:
    raise ValueError('a', 2)
except ValueError as e:
    print(e.args, str(e))
try:
    {'k': 1}['j']
except KeyError as e:
    print(e.args, str(e), repr(e))
try:
    raise IndexError()
except IndexError as e:
    print(e.args, repr(str(e)))
