def counter():
    count = 0
    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump
c = counter()
c(); c(5)
print(c(), c.__name__)
total = 10
def add_global(n):
    global total
    total += n
add_global(5)
print(total)
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
squares = [n * n for n in range(4)]
print(squares, 'n' in dir() if False else 'ok')
