class Counter:
    created = 0

    def __init__(self):
        Counter.created += 1

    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]

    @staticmethod
    def describe(x):
        return f'value {x}'

class Sub(Counter):
    pass

print(len(Counter.make(2)), Counter.created)
print(Counter.describe(1), Counter().describe(2), Counter.created)
objs = Sub.make(2)
print(type(objs[0]).__name__, Counter.created, Sub.created)
