scores = []
print(max([1, 2]))
print(max(scores, default=None))
print(max(scores))
print('unreachable')
