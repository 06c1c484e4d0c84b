def mean(values):
    return sum(values) / len(values)
print(mean([1, 2, 3]))
data = {'a': [1, 2], 'b': []}
for name in data:
    print(name, mean(data[name]))
