import math
print(math.sqrt(4.0))
print(math.log(1))
x = -1
print('x =', x)
print(math.sqrt(x))
