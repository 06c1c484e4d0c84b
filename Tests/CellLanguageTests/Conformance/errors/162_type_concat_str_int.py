count = 3
print('about to concatenate')
text = 'count: ' + count
print(text)
print('unreachable')
