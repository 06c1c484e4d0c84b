print(7 % 3)
print(7.5 % 2)
n = 0
print('n is', n)
print(7 % n)
