total = 10
values = [1, 2, 3]
print(sum(values))
result = total(values)
print(result)
