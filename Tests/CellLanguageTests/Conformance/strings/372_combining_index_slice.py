# len, indexing and slicing count code points: a combining mark is an item of its own.
s = 'noe\u0308l'
t = 'no\u00ebl'
print(len(s), len(t), s == t, s[2], t[2] == '\u00eb', ord(s[3]), ord(t[2]))
print(s[:3], s[3:] == '\u0308l', s[::-1] == 'l\u0308eon', [ord(c) for c in s[1:4]])
print(s[-2] == '\u0308', s[-1], len(s[2:4]), s[2:4] == 'e\u0308', s[2:4] == t[2], list(s)[3] == '\u0308')
word = 'e\u0301' * 3
print(len(word), word[1::2] == '\u0301' * 3, word[::2], len(word.split('\u0301')))
long = 'ab\u00e9' * 30 + 'c\u0301' * 30
print(len(long), long[89] == '\u00e9', long[90], ord(long[91]), long[88:92] == 'b\u00e9c\u0301', long[-1] == '\u0301')
print(long[60:63] == 'ab\u00e9', long[-4:] == 'c\u0301c\u0301', len(long[5:140:7]), long[149:90:-20] == '\u0301\u0301\u0301')
total = 0
for i in range(len(long)):
    total += ord(long[i])
print(total, long.count('c'), long.find('\u0301'), long[1000:] == '', long[-150] == 'a')
plain = 'x' * 100 + 'yz'
print(len(plain), plain[100], plain[-1], plain[98:101], plain[::50], plain[-102])
try:
    long[150]
except IndexError as e:
    print('IndexError:', e)
