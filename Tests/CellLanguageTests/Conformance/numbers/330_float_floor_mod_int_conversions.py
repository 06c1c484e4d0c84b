values = [2.5, -2.5, 7.0, -0.1, 1e-9, 123.456]
for v in values:
    print(v, v // 1, v % 1, int(v), round(v), round(v, 1), -v // 2, divmod(v, 0.5))
print(int(1e6), int(1e15), 10 ** 6 == 1e6, 1e6, 1000000.0, 2.5e6, int('1' + '0' * 6), float(10 ** 6))
print(5 / 2, 5 // 2, -5 / 2, -5 // 2, 5 % -2, 5.0 % -2, 0.1 * 3 // 0.1, 1 % 0.1, 7.5 // 0.5)
