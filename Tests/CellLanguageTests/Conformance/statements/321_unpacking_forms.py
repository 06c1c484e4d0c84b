def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

x, = [1]
[y] = 'a'
a, *b = 'x'
*c, = 1, 2
(d, e), f = 'de', 'f'
for i, (k, v) in enumerate({'p': 1}.items()):
    print(i, k, v)
print(x, y, a, b, c, d, e, f)
def loop_bad():
    for p, q in [(1, 2), (3,)]:
        print(p, q)
def set_unpack():
    m, n = {5}
def dict_unpack():
    m, n = {'only': 1}
attempt('loop', loop_bad)
attempt('set', set_unpack)
attempt('dict', dict_unpack)
m = n = 0
m, n = n + 1, m + 10
print(m, n)
