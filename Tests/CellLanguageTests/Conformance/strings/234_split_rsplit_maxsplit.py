s = 'a,b,c,d'
print(s.split(',', 2), s.rsplit(',', 2), s.rsplit(',', 0), s.split(',', -1), s.rsplit(',', 1)[0])
print('  a  b  c  '.split(None, 1), '  a  b  c  '.rsplit(None, 1), '  a  b  c  '.rsplit(maxsplit=1))
print('a--b--c'.split('--'), 'a--b--c'.rsplit('--', 1), 'x'.split('x'), ''.rsplit(), 'aaa'.split('a'))
print('1 2 3'.split(maxsplit=1), 'k: v: w'.split(': ', maxsplit=1), 'a\tb\nc'.split(None), 'a b'.split(sep=' '))
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError:', e)
print('line1\nline2\r\nline3'.splitlines(), 'a\n\nb\n'.splitlines(keepends=True), ''.splitlines())
print('one\x0btwo\x0cthree\rfour'.splitlines(), 'no newline'.splitlines(), 'end\n'.splitlines(True))
print('path/to/file.tar.gz'.rsplit('.', 1), 'path/to/file'.rsplit('/', 1)[-1], 'a.b'.split('.', 5))
