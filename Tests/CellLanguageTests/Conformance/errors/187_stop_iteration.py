items = []
print('items:', items)
print(len(items))
raise StopIteration
print('unreachable')
