class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f'Vec({self.x!r}, {self.y!r})'

class Named(Vec):
    def __str__(self):
        return 'named vector'

v = Vec(1, 2.5)
print(v, repr(v), str(v))
print([v, Vec('a', None)])
n = Named(0, 0)
print(n, [n], f'{n}', f'{n!r}')
n
