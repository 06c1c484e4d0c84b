s = 'ab' + 'cd'
print(s, s * 2, 3 * 'x-')
print('-' * 10)
print('abc' == 'abc', 'abc' != 'abd')
print('' * 5 == '')
print('a' 'b' 'c')
print(len('hello' * 0))
