class Registry:
    entries = []
    count = 0

    def add(self, item):
        self.entries.append(item)
        self.count += 1
        return self

r1, r2 = Registry(), Registry()
r1.add('a').add('b')
r2.add('c')
print(Registry.entries, r1.count, r2.count, Registry.count)
print(r1.entries is r2.entries, 'count' in r1.__dict__, 'entries' in r1.__dict__)
del r1.count
print(r1.count)
