for i in range(3):
    square = i * i
print(i, square)
total = 0
for x in []:
    total += 1
print(total)
n = 0
while n < 5:
    n += 2
print(n)
