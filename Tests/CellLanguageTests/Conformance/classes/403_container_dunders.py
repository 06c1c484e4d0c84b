class Bag:
    def __init__(self):
        self.items = {}

    def __len__(self):
        return len(self.items)

    def __getitem__(self, key):
        return self.items[key]

    def __setitem__(self, key, value):
        self.items[key] = value

    def __contains__(self, key):
        return key in self.items

b = Bag()
print(len(b), bool(b))
b['a'] = 1
b['b'] = 2
print(len(b), b['a'], 'a' in b, 'z' in b, 'z' not in b, bool(b))
b['z']
