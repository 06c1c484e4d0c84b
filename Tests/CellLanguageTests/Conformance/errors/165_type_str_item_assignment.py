word = 'hello'
print(word[0])
letters = list(word)
letters[0] = 'j'
print(''.join(letters))
word[0] = 'j'
