data = [3, 1, 4, 1, 5, 9, 2, 6]
evens = [d for d in data if d % 2 == 0]
print(evens)
squares = {d: d * d for d in set(data)}
print(sorted(squares))
sorted(squares.items(), key=lambda kv: -kv[1])[:3]
