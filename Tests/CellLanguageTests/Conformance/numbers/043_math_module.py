import math
print(math.sqrt(16), math.sqrt(2))
print(math.pi, math.e)
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7))
print(math.log(math.e), math.log10(1000), math.log(8, 2))
print(math.exp(0), math.exp(1))
print(math.isnan(float('nan')), math.isinf(float('inf')))
print(math.fabs(-2), math.inf)
