values = [1.0, 0.5, 1 / 3, 1e16, 1e-4, 1e-5, 123.456, 1e100]
for v in values:
    print(str(v), repr(v), float(str(v)) == v)
print(str(3.0) + '!')
print(str(-2.5), str(2.0 ** 60))
