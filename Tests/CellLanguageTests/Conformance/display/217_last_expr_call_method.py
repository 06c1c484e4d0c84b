words = ['b', 'a', 'c']
words.sort()
print(words)
words.reverse()
'-'.join(words)
