class Point:
    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = Point(1)
q.dims = 3
print(q.dims, Point.dims, q.__dict__)
print(Point.__name__, type(p).__name__, type(p) is Point)
print(Point.norm2(p))
