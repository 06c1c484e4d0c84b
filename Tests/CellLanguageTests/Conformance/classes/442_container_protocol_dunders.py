class Grid:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __getitem__(self, key):
        return self.cells[key]
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
    def __bool__(self):
        return bool(self.cells)
    def __format__(self, spec):
        return f"Grid<{len(self)}:{spec}>"

g = Grid()
print(bool(g), (0, 0) in g)
g[0, 0] = "a"
g[1, 2] = "b"
print(g[1, 2], (0, 0) in g, (5, 5) not in g, len(g), f"{g:wide}", format(g))
del g[0, 0]
print(len(g), "ok" if g else "empty")
del g[1, 2]
print("ok" if g else "empty")
del g[9, 9]
