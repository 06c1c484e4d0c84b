xs = list(range(10))
print(xs[::2], xs[::-3], xs[-3:], xs[:-7:-1], xs[100:], xs[2:8:2])
xs[2:5] = ['a', 'b']
print(xs)
xs[::2] = [0] * len(xs[::2])
print(xs)
del xs[1:3]
del xs[-1]
print(xs, len(xs))
s = 'hello world'
print(s[::-1], s[-5:], s[3:1], s[::3])
t = tuple(range(6))
print(t[1::2], t[-1], range(10)[2:8:3], range(10)[-1])
