class Card:
    def __init__(self, rank):
        self.rank = rank

    def __eq__(self, other):
        return isinstance(other, Card) and self.rank == other.rank

    def __lt__(self, other):
        return self.rank < other.rank

    def __repr__(self):
        return f'Card({self.rank})'

a, b = Card(2), Card(5)
print(a == Card(2), a != Card(2), a == b, a != b, a == 2)
print(a < b, b < a, b > a, a > b)
print(sorted([Card(3), Card(1), Card(2)]), max([a, b]), min([b, a]))
print(Card(1) in [Card(0), Card(1)])
class Plain:
    pass
x = Plain()
print(x == x, x == Plain(), x != Plain())
a <= b
