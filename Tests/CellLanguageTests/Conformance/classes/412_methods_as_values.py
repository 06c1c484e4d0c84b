class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name):
        return f'{self.greeting}, {name}'

g = Greeter('Hi')
f = g.greet
print(f('Ann'), list(map(g.greet, ['Bo', 'Cy'])))
print(Greeter.greet(g, 'Di'), Greeter.greet.__name__, Greeter.greet.__qualname__)
g.greet = lambda name: 'overridden ' + name
print(g.greet('Ed'), Greeter('Yo').greet('Ed'))
print(Greeter.__qualname__, Greeter.__module__)
