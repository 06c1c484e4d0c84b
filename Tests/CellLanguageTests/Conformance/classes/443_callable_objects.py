# callable() of classes, instances with and without __call__, and the library's objects.
import functools
import collections
class Plain:
    pass
class Caller:
    def __call__(self, x):
        return 2 * x
Point = collections.namedtuple('Point', 'x y')
print(callable(Plain), callable(Plain()), callable(Caller), callable(Caller()))
print(callable(Point), callable(Point(1, 2)), callable(functools.partial(max, 1)))
print(callable(staticmethod(len)), callable(print), callable(None), callable([len]))
print([name for name, f in [('plain', Plain()), ('caller', Caller()), ('type', type)] if callable(f)])
