def make(n, keep):
    x = [n]
    if keep:
        return lambda: x
    return x
a = make(1, True)
b = make(2, False)
c = make(3, True)
print(a(), b, c(), make(4, False), a() is not c())
def fails(n):
    local = n * 2
    if n % 2:
        raise ValueError(f'odd {local}')
    return local
for n in range(5):
    try:
        print(fails(n), end=' ')
    except ValueError as e:
        print(e, end=' | ')
def depth(n, acc=None):
    acc = [] if acc is None else acc
    acc.append(n)
    return acc if n == 0 else depth(n - 1, acc)
print(depth(3), depth(2), [depth(k)[-1] for k in range(3)])
def unbound(flag):
    if flag:
        v = 'set'
    return v
print(unbound(True))
print(unbound(False))
