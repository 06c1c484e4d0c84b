for n in [3, 5, 7]:
    if n % 2 == 0:
        print('found even', n)
        break
else:
    print('no even numbers')
for n in [3, 4, 7]:
    if n % 2 == 0:
        print('found even', n)
        break
else:
    print('no even numbers')
