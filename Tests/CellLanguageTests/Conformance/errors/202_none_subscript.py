def find(xs, target):
    for x in xs:
        if x == target:
            return [x]

print(find([1, 2], 2))
print(find([1, 2], 5))
print(find([1, 2], 5)[0])
