for n in [-2, 0, 3]:
    sign = 'neg' if n < 0 else 'zero' if n == 0 else 'pos'
    print(n, sign)
x = 7
print('odd' if x % 2 else 'even')
print([i if i % 2 else -i for i in range(5)])
