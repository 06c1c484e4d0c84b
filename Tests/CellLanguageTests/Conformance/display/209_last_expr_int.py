x = 21
y = 2
print('computing')
z = x * y
z
