class Animal:
    sound = '...'

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f'{self.name} says {self.sound}'

class Dog(Animal):
    sound = 'woof'

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return super().speak() + '!'

d = Dog('Rex', ['sit'])
print(d.speak(), d.tricks)
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object), isinstance(d, int))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, (int, Animal)))
print(isinstance(3, Animal), Animal('Cat').speak())
