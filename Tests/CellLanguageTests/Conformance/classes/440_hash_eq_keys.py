class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

d = {Point(1, 2): "a"}
d[Point(1, 2)] = "b"
print(d, len(d), Point(1, 2) in d, d.get(Point(2, 1), "none"))
s = {Point(0, 0), Point(0, 0), Point(1, 0)}
print(len(s), Point(1, 0) in s, sorted(s, key=lambda p: p.x))
print(hash(Point(3, 4)) == hash((3, 4)), {(Point(1, 1), 2): 3}[(Point(1, 1), 2)])
print([Point(1, 2)] == [Point(1, 2)], (Point(0, 1),) == (Point(0, 1),), Point(1, 1) == 5)
print([Point(1, 2), Point(3, 4)].index(Point(3, 4)), [Point(5, 5)].count(Point(5, 5)))
print(list(dict.fromkeys([Point(1, 1), Point(1, 1), Point(2, 2)])))
