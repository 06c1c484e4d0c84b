print(6 & 3, 6 | 3, 6 ^ 3)
print(1 << 10, 1024 >> 3, -16 >> 2)
print(0b1010, 0o17, 0xff)
print(5 & -1, -5 | 2)
a = 12
a &= 10
a |= 1
a ^= 3
a <<= 2
a >>= 1
print(a)
