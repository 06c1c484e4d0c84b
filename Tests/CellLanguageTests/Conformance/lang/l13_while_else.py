n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    if n == 10:
        break
else:
    print('no break', n)
for i in range(3):
    if i == 1:
        break
else:
    print('not printed')
i = 0
while True:
    i += 2
    if i > 6:
        break
print(i, [1, 2, 3] if i else None)
x = 5
print('big' if x > 3 else 'small', 1 < x <= 5 < 10, 1 < 2 > 3, not x, x and 0, x or 0, None or [])
