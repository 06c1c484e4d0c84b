xs = [1, 2, 3]
xs.extend('ab')
xs.extend(range(2))
xs.append([9])
xs.insert(0, 'first')
xs.insert(-1, 'before last')
xs.insert(100, 'end')
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
ys = [3, 1, 2, 1]
print(ys.count(1), ys.index(1), ys.index(1, 2), ys.copy() == ys, ys.copy() is ys)
ys.remove(1)
ys.reverse()
print(ys, ys.sort(), ys, ys.clear(), ys)
zs = [1, 2] * 3
zs += [7]
zs *= 2
print(zs, [0] * 0, [[]] * 2, 2 * [1], [1, 2] == [1, 2.0], [1, [2]] < [1, [3]], [0] * -1)
a = b = [1]
a += [2]
c = [1]
d = c
c = c + [2]
e = [1]
e += 'xy'
print(a, b, c, d, e)
