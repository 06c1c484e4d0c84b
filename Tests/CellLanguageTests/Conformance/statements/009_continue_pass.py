total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i
print(total)
for ch in 'abc':
    pass
print(ch)
def nothing():
    pass
print(nothing())
