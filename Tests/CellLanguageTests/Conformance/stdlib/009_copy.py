import copy
a = [[1, 2], [3, 4]]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(99)
print(b, c)
d = {"x": [1], "y": {"z": {1, 2}}}
e = copy.deepcopy(d)
e["y"]["z"].add(3)
print(d, e)
shared = [1]
pair = [shared, shared]
clone = copy.deepcopy(pair)
clone[0].append(2)
print(clone, clone[0] is clone[1], pair)
t = (1, [2])
print(copy.deepcopy(t), copy.copy(t) == t)
