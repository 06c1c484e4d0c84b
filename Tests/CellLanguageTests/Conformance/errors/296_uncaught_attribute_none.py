def load():
    data = [1, 2, 3]
    data.append(4)
result = load()
print(result)
result.append(5)
