for s in ['42', ' -7 ', '+3', '1_000', '0', '007', '1__0', '_1', '3.0', '', ' ', '4e2', '12abc', '0x10', '- 5', '\t9\n']:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for s in ['1.5', ' -2.5e-3 ', 'inf', '-Infinity', 'NaN', 'nan ', '1_0.0', '1e', '.', '', 'abc', '1.5.2', '+.5e+2', '1,5', '1e-400', '1e400']:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
