xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(xs), sorted(xs, reverse=True))
print(xs)
print(list(reversed(xs)), list(reversed('abc')))
words = ['banana', 'Apple', 'cherry', 'fig']
print(sorted(words, key=len), sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
print(sorted({'b': 1, 'a': 2}), sorted('bca'))
