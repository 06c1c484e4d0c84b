i = 0
while i < 3:
    print('i =', i)
    i += 1
else:
    print('done at', i)
j = 0
while True:
    j += 1
    if j == 4:
        break
print('broke at', j)
k = 10
while k > 0:
    k -= 3
    if k == 4:
        break
else:
    print('never printed')
print(k)
