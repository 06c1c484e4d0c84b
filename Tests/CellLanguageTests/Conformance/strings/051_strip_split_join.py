s = '  a, b ,c  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(s.split(','), s.strip().split(', '))
print('a b  c'.split(), 'a b  c'.split(' '))
print('x--y--z'.split('--'), 'a,b,c'.split(',', 1))
print('-'.join(['a', 'b', 'c']), ''.join('xyz'))
print('line1\nline2\n'.splitlines())
print('xxhixx'.strip('x'), 'a,b,c'.rsplit(',', 1))
