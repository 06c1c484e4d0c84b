for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, 'is prime')
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print('even', i)
else:
    print('not reached')
for x in []:
    print('never')
else:
    print('empty loop else')
for i in range(3):
    pass
print('i after loop', i)
while i:
    i -= 1
else:
    print('while else', i)
