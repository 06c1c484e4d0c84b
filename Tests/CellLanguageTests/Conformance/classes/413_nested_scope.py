def make_class(label):
    class Box:
        kind = label
        size = len(label)

        def describe(self):
            return f'{label} box of {self.size}'

        def kind_of(self):
            return self.kind

    return Box

B = make_class('toy')
b = B()
print(b.describe(), b.kind_of(), B.__qualname__)
x = 10
class C:
    x = 20
    y = x + 1
    def get(self):
        return x
print(C.y, C().get())
