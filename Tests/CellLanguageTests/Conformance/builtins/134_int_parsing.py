for text in ['0', '-12', '  42  ', '1_000', '+7', '007']:
    print(repr(text), int(text))
print(int('z', 36), int('777', 8), int('-ff', 16))
print(float('1e-3'), float('  -inf '), float('nan'))
print(int(float('1e3')))
