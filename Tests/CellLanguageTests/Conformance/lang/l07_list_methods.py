xs = [3, 1, 2]
xs.append(4); xs.extend((5, 6)); xs.insert(0, 0); xs.insert(-1, 9)
print(xs, xs.pop(), xs.pop(0), xs.index(9), xs.count(1))
xs.remove(9)
xs.sort(reverse=True)
print(xs)
words = ['banana', 'Apple', 'cherry', 'apple']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
ys = xs.copy(); ys.reverse(); ys.clear()
print(xs, ys, [1, 2] * 2, [0] + [1], [[0] * 2] * 2)
pairs = [(1, 'b'), (0, 'a'), (1, 'a')]
pairs.sort()
print(pairs, min(pairs), max(pairs, key=lambda p: p[1]))
xs += 'ab'
xs
