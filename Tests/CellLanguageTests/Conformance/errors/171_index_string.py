s = 'abc'
print(s[0], s[-3])
print(s[1:100])
print(s[3])
print('unreachable')
