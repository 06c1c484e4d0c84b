s = 'banana'
print(s.replace('a', 'A'), s.replace('a', 'A', 1), s.replace('a', 'A', 0), s.replace('a', 'A', -1), s.replace('', '-'), s.replace('', '-', 2))
print(s.replace('na', ''), s.replace('x', 'y'), 'aaa'.replace('aa', 'b'), ''.replace('', 'z'))
print(repr('7'.zfill(3)), repr('+7'.zfill(4)), repr('abc'.zfill(2)), repr(''.zfill(3)), repr('-0.5'.zfill(6)), repr('-'.zfill(3)))
print(repr('ab'.center(6)), repr('ab'.center(5)), repr('abc'.center(6)), repr('abc'.center(2)), repr('a'.center(4, '-')), repr('a'.center(2)))
print(repr('ab'.ljust(5, '*')), repr('ab'.rjust(5, '*')), repr('abcdef'.ljust(3)), repr('x'.rjust(0)), repr('x'.rjust(-2)))
try:
    'ab'.center(5, '--')
except TypeError as e:
    print('TypeError:', e)
try:
    'ab'.replace('a')
except TypeError as e:
    print('TypeError:', e)
