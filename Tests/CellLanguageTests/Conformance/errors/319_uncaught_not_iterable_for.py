count = 3
total = 0
print('summing')
for value in count:
    total += value
print(total)
