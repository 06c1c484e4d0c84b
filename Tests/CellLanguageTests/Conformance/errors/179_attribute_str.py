name = 'model'
print(name.upper())
print(name.title())
name.append('_v2')
print(name)
