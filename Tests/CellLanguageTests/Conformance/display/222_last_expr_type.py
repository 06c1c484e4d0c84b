x = 3.0
y = int(x)
print(x, y)
z = [x, y]
type(z[1])
