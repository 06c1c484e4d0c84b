xs = list(range(10))
print(xs[::-1], xs[::-3], xs[8:2:-2], xs[2:8:-1], xs[-3:], xs[:-7], xs[100:], xs[-100:3])
print(xs[5:5], xs[7:3], xs[::4], xs[1::100], xs[-1:-4:-1], xs[None:None:2], xs[:None], xs[-1::-4])
s = 'abcdefg'
print(s[::-2], s[-2::-2], s[5:1:-1], repr(s[:0]), repr(s[0:-0]), s[3:-3], repr(s[-3:-3]), s[-100:100])
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[:1], t[5:], type(t[1:2]).__name__, t[True], xs[False:3])
try:
    xs[::0]
except ValueError as e:
    print('ValueError', e)
try:
    xs[1.5:]
except TypeError as e:
    print('TypeError', e)
ys = xs[:]
ys[2:5] = []
ys[:0] = ['start']
ys[len(ys):] = ['end']
print(ys, ys is xs, xs[:] == xs)
r = range(10)
print(r[2:5], r[::-1], r[-1], list(r[1:8:3]), r[::2][1:3], r[3:1])
