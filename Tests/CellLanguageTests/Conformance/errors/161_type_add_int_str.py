count = 3
label = 'items'
print('building message')
message = count + label
print(message)
