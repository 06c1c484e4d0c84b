total = 3.5
count = 0
print('total', total)
print('count', count)
mean = total / count
print(mean)
