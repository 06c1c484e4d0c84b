import itertools
data = [1, 1, 2, 3, 3, 3, 1]
print([(k, len(list(g))) for k, g in itertools.groupby(data)])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
for letter, group in itertools.groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
print(list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.zip_longest('abc', [1, 2])))
print(list(itertools.zip_longest([1], [2, 3], [4, 5, 6], fillvalue=0)))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.combinations_with_replacement('ab', 2)))
