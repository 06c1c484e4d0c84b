def shout(f):
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs).upper()
    return wrapper

def repeat(n):
    def decorate(f):
        def wrapper(x):
            return [f(x) for _ in range(n)]
        return wrapper
    return decorate

@shout
def hello(name):
    return 'hello ' + name

@repeat(2)
@shout
def hi(name):
    return 'hi ' + name

print(hello('ann'), hi('bo'), hello.__name__)
