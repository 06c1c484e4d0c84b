class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

print(list(Countdown(3)), sum(Countdown(4)))
for v in Countdown(2):
    print(v)
print(list(Squares(4)), 9 in Squares(5))
it = iter(Countdown(2))
print(next(it), next(it))
