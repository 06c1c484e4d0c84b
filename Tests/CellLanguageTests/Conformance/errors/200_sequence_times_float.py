xs = [0] * 3
print(xs)
factor = 2.0
print('factor', factor)
print(xs * factor)
