print(dict(), dict(a=1), dict({'b': 2}, c=3))
print(dict([['x', 1], ('y', 2)]))
print(list(), list('abc'), list({1: 'a'}.items()))
print(tuple({'k': 1}), set('hello') == set('ohel'))
d = {k: 0 for k in ['a', 'b']}
print(d)
