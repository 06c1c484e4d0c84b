class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n

class Empty:
    def __bool__(self):
        return False

add3 = Adder(3)
print(add3(4), list(map(add3, [1, 2])))
print(bool(Empty()), 'yes' if Empty() else 'no', not Empty())
class Plain:
    pass
p = Plain()
d = {p: 1}
print(d[p], p in {p}, bool(p))
p()
