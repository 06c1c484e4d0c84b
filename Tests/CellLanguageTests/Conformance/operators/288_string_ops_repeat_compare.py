print('ab' * 3, 'ab' + 'cd', 'abc' < 'abd', 'a' < 'B', 'apple' > 'app', 'Z' < 'a' < 'z', '' < 'a')
print('-' * 20)
print('=' * 0 + '|', 'x' * True, 'ab' * 1, [1, 2] * 2, (0,) * 3, '%s-%s' % ('a', 'b'), 'a' 'b' * 2)
words = ['b', 'A', 'a', 'B', '_', '1']
print(sorted(words), max(words), min(words), sorted(words, key=str.casefold))
print('abc'[-1] + 'abc'[0], 'abc'[1:] * 2, 'x'.join('abc') == 'axbxc', 'a,b'.split(',') == ['a', 'b'])
s = 'hello'
s += ' world'
print(s, s.upper().count('L'), s.title().swapcase(), s[::2], len(s) * '*')
