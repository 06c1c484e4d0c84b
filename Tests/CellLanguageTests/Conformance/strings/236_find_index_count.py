s = 'the cat sat on the mat'
print(s.find('at'), s.find('at', 6), s.find('at', 6, 8), s.rfind('at'), s.rfind('at', 0, 10), s.find(''), s.rfind(''))
print(s.index('sat'), s.rindex('the'), s.count('at'), s.count('at', 10), s.count(''), 'aaaa'.count('aa'), s.count('at', 0, 6))
print(s.find('the', -6), s.find('zz'), 'abc'.find('c', -1), 'abc'.find('', 5), 'abc'.find('', 3), 'abc'.rfind('', 1, 2))
for probe in ['dog', 'cat']:
    try:
        print(s.index(probe))
    except ValueError as e:
        print('ValueError:', e)
try:
    s.rindex('x')
except ValueError as e:
    print('ValueError:', e)
print('cat' in s, 'Cat' in s, '' in s, s.startswith(('a', 'the')), s.endswith(('cat', 'mat'), 0, 22))
print(s.startswith('cat', 4), s.startswith('cat', 4, 6), s.endswith('the', 0, 18), s.startswith(''), 'ab'.endswith(('',)))
try:
    s.startswith(['the'])
except TypeError as e:
    print('TypeError:', e)
