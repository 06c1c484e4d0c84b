text = '  The Quick Brown Fox  '
print(text.strip().lower().replace(' ', '_'))
print(text.split()[1].upper()[::-1])
print('-'.join(w.capitalize() for w in 'hello big world'.split()))
words = ' '.join(['a', 'b']).upper().split(' ')
print(words)
print(sorted('b,a,c'.split(','))[0])
