items = [1, 2, 3]
print(len(items))
n = 5
print(n)
print(len(n))
