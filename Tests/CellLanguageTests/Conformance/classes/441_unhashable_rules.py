class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == getattr(other, "v", None)

class Hashable(OnlyEq):
    def __hash__(self):
        return self.v

class NoHash:
    __hash__ = None

class Plain:
    pass

print(OnlyEq(1) == OnlyEq(1), OnlyEq.__hash__, Hashable(7) in {Hashable(7)})
p = Plain()
print({p: 1}[p], len({Plain(), Plain()}))
for make in [lambda: OnlyEq(1), lambda: NoHash()]:
    for use in [hash, lambda o: {o}, lambda o: {o: 1}]:
        try:
            use(make())
        except TypeError as e:
            print(e)
class Sub(Hashable):
    def __eq__(self, other):
        return True
{Sub(1)}
