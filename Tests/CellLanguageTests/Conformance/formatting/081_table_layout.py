rows = [('Dense', 100480, '(None, 128)'), ('Dropout', 0, '(None, 128)'), ('Dense', 1290, '(None, 10)')]
print(f'{"Layer":<10}{"Output Shape":<15}{"Param #":>10}')
print('=' * 35)
for name, params, shape in rows:
    print(f'{name:<10}{shape:<15}{params:>10,}')
print('=' * 35)
print(f'Total params: {sum(r[1] for r in rows):,}')
