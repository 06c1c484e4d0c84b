total = 0
for i in range(1, 6):
    total += i
    print(i, total)
total / 5
