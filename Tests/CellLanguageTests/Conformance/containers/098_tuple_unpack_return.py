def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)

lo, hi, mean = stats([3, 1, 4, 1, 5])
print(lo, hi, mean)
result = stats([2, 4])
print(result, type(result))
(x, y), z = (1, 2), 3
print(x, y, z)
