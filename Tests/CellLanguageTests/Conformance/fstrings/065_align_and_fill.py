for label, value in [('loss', 0.25), ('accuracy', 0.9375)]:
    print(f'{label:<10}{value:>8.4f}')
print(f'{"x":*<5}|{"x":*>5}|{"x":*^5}|')
print(f'{-3:=6}|{-3:0=6}|')
print(f'{"abc":.2}|{"abc":5.2}|')
print(f'[{"":>3}]')
