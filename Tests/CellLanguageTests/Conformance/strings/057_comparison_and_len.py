words = ['pear', 'Apple', 'fig', 'banana']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(len(''), len('abc'), len('caf\u00e9'))
print('apple' < 'banana', 'Zebra' < 'apple')
print(min(words), max(words, key=len))
