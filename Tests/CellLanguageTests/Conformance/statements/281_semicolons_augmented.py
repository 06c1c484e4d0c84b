x = 10; y = 3
x -= 3; x *= 2; x //= 3; x **= 2; x %= 7
print(x, y)
s = 'ab'; s += 'c'; s *= 2
print(s)
f = 7.0; f /= 2; f -= 0.5; f **= 0.5
print(f)
b = 6; b &= 3; b |= 8; b ^= 1; b <<= 2; b >>= 1
print(b)
lst = [1]; lst += (2, 3); lst *= 2
print(lst)
d = {'n': 1}; d['n'] += 5; d['m'] = d.get('m', 0) - 1
print(d)
if x: print('inline if'); print('second')
for i in range(2): print('loop', i)
