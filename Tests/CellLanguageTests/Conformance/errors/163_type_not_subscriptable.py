n = 42
print(n)
digits = [1, 2]
print(digits[0])
print(n[0])
