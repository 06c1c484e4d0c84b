xs = [1, 2, 3, 4, 5, 6]
evens = []
for x in xs[:]:
    if x % 2 == 0:
        xs.remove(x)
        evens.append(x)
print(xs, evens)
stack = []
for i in range(3):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=' ')
print()
