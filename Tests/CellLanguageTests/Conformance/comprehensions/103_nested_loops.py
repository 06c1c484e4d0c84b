matrix = [[1, 2, 3], [4, 5, 6]]
flat = [v for row in matrix for v in row]
print(flat)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
pairs = [(a, b) for a in 'xy' for b in (1, 2) if not (a == 'y' and b == 1)]
print(pairs)
print([i * 10 + j for i in range(3) if i != 1 for j in range(2)])
