s = 'banana'
print(s.find('an'), s.find('an', 2), s.find('z'), s.rfind('an'))
print(s.index('n'), s.count('a'), s.count('an'))
print(s.replace('a', 'o'), s.replace('a', 'o', 2))
print(s.startswith('ban'), s.endswith('na'), s.startswith(('x', 'b')))
print('a-b-c'.partition('-'), 'a-b-c'.rpartition('-'))
