class A:
    def __init__(self):
        self.log = ['A']

    def who(self):
        return 'A'

class B(A):
    def __init__(self):
        super().__init__()
        self.log.append('B')

    def who(self):
        return 'B>' + super().who()

class C(B):
    def who(self):
        return 'C>' + super().who()

c = C()
print(c.log, c.who(), B.who(c), super(B, c).who())
print([k.__name__ for k in C.__mro__], C.__bases__[0].__name__)
class D:
    def __init__(self, x):
        super().__init__()
        self.x = x
print(D(3).x, isinstance(c, (D, A)))
