def add_greeting(cls):
    cls.greeting = 'hello'
    return cls

class Counter:
    def __init__(self, f):
        self.f = f
        self.count = 0

    def __call__(self, *args):
        self.count += 1
        return self.f(*args)

@add_greeting
class Person:
    pass

@Counter
def square(x):
    return x * x

print(Person.greeting, Person().greeting, square(3), square(4), square.count)
@undefined_decorator
def g():
    pass
