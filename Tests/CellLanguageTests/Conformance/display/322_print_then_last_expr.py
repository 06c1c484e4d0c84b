steps = 3
print('no newline at end', end='')
print(' | second', end='')
values = {'x': 1.0, 'y': [0.5, None]}
values
