xs = [3, -1, 4, -1, 5]
print(sum(x * x for x in xs))
print(any(x < 0 for x in xs), all(x < 0 for x in xs))
print(min(abs(x) for x in xs), max(x for x in xs if x < 4))
print(sorted(x % 3 for x in xs))
print(list(x + 1 for x in xs))
print(tuple(str(x) for x in xs))
print(sum(1 for _ in range(7)))
