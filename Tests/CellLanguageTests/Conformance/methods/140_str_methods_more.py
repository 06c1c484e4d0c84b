s = 'Hello World'
print(s.lower().count('o'), s.index('World'), s.rindex('o'))
print(s.split('o'), s.split('o', 1))
print('a1b2'.isalnum(), 'ABC'.isupper(), '  x '.strip().isalpha())
print('x'.join('abc'), ', '.join(map(str, [1, 2, 3])))
print('Title case words'.title(), 'ab'.upper().lower())
print('3'.zfill(3), '%'.center(5, '-'))
print('a,b,,c'.split(','))
