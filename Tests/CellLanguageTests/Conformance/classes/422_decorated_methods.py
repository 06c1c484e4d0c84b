def logged(method):
    def wrapper(self, *args):
        print('calling', method.__name__, args)
        return method(self, *args)
    return wrapper

class Account:
    def __init__(self):
        self.balance = 0

    @logged
    def deposit(self, amount):
        self.balance += amount
        return self.balance

a = Account()
print(a.deposit(10), a.deposit(5))
@logged
def free(self, x):
    return x
print(free(None, 1))
