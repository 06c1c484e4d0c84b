print(Ellipsis)
try:
    ... + 1
except TypeError as e:
    print(e)
try:
    len(...)
except TypeError as e:
    print(e)
try:
    x = ...
    x[0]
except TypeError as e:
    print(e)
Ellipsis()
