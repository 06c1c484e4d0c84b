n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
a, b, fibs = 0, 1, []
while len(fibs) < 10:
    fibs.append(a)
    a, b = b, a + b
print(fibs, a, b)
found = None
i = 0
while i < 100 and found is None:
    if i * i > 50:
        found = i
    i += 1
print(found, i)
lr, epoch = 0.1, 0
while lr > 1e-3:
    lr *= 0.5
    epoch += 1
print(epoch, lr)
