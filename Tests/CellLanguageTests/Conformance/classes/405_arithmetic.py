class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented

    def __radd__(self, other):
        return self + other

    def __mul__(self, k):
        return V(self.x * k)

    def __sub__(self, other): return V(self.x - other.x)
    def __truediv__(self, k):
        return V(self.x / k)

    def __neg__(self):
        return V(-self.x)

    def __repr__(self):
        return f'V({self.x})'

print(V(1) + V(2), V(1) + 5, 5 + V(1), V(3) * 2, V(3) - V(1), V(3) / 2, -V(4))
print(sum([V(1), V(2), V(3)]))
V(1) + 'a'
