d = {}
for word in ['pear', 'apple', 'fig', 'apple', 'pear', 'kiwi']:
    d[word] = d.get(word, 0) + 1
print(d)
for k, v in d.items():
    print(k, v)
d.pop('apple')
d['apple'] = 9
print(list(d))
