n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 2
n %= 7
print(n)
s = 'ab'
s *= 3
s += '!'
print(s)
x = 1.5
x /= 2
print(x)
