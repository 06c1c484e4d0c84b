s = 'text'
print(-len(s))
print(+3)
print('negating', s)
print(-s)
