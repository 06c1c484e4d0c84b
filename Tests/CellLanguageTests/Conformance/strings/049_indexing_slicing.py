s = 'Hello, World'
print(s[0], s[-1], s[7:], s[:5], s[-5:-1])
print(s[::2], s[::-1], s[1:10:3])
print(s[100:], s[-100:3], s[5:2])
print(s[:], len(s))
print('abcdef'[-3::-1])
