x = ...
print(x, repr(x), str(...))
print(x is Ellipsis, ... is ..., x == Ellipsis, x != 1)
print(type(...).__name__, bool(...))
print([..., 1], (...,), {'k': ...})
def stub():
    ...
print(stub())
class Later:
    def method(self): ...
print(Later().method())
t = (1, ..., 2)
print(t.index(...), ... in t, t.count(Ellipsis))
f"{...}", f"{...!r}"
