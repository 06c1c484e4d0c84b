class Counter:
    def __init__(self, limit):
        self.limit = limit
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.n >= self.limit:
            raise StopIteration
        self.n += 1
        return self.n

class Tree:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        for item in self.items:
            yield item * 2

c = Counter(3)
print(iter(c) is c, next(c), next(c), next(c), next(c, "done"))
print(list(Tree(1, 2, 3)), sorted(Tree(3, 1)), 4 in Tree(1, 2))
t = iter(Tree(5))
print(type(t).__name__, next(t))
try:
    next(Counter(0))
except StopIteration:
    print("stopped")
print(dict(zip("ab", Counter(5))), next(iter([]), None))
