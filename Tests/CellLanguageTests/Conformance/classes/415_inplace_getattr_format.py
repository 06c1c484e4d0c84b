class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __getattr__(self, name):
        return f'<{name}>'

    def __format__(self, spec):
        return f'Acc[{len(self.items)}:{spec}]'

a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items, a.missing, f'{a:>5}', format(a, 'x'))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
m = Money(5)
m2 = m
m += Money(7)
print(m.cents, m2.cents, m is m2)
