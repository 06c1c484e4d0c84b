a, b = 17, 5
print(a // b, a % b, (a // b) * b + a % b)
a = -17
print(a // b, a % b, (a // b) * b + a % b)
print(17.5 // 5, 17.5 % 5)
print(-0.5 // 1, -0.5 % 1)
print(1e300 % 7)
