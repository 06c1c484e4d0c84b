s = 'hello'
print(s.find('z'))
print(s.index('l'))
print(s.index('z'))
print('unreachable')
