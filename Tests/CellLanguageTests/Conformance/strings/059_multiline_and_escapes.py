text = 'col1\tcol2\nval1\tval2'
print(text)
print(text.split('\n'))
print('a\\b', len('a\\b'))
print('end', end='')
print(' same line')
print('x', 'y', 'z', sep='-')
print('no sep', 'here', sep='')
