d = {'a': 1}
print(d['a'])
d[''] = 0
del d['']
print(d)
print(d[''])
