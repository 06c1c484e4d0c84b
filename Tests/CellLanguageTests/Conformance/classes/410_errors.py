class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
try:
    p.z
except AttributeError as e:
    print(e)
try:
    Point.z
except AttributeError as e:
    print(e)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
class Bare:
    pass
try:
    Bare(1)
except TypeError as e:
    print(e)
len(p)
