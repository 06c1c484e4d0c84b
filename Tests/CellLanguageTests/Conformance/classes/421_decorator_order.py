calls = []

def tag(label):
    calls.append('make ' + label)
    def decorate(f):
        calls.append('apply ' + label)
        return f
    return decorate

@tag('outer')
@tag('inner')
def f():
    return 1

print(calls, f())
registry = {}
def register(f):
    registry[f.__name__] = f
    return f

@register
def double(x):
    return 2 * x
print(registry['double'](4), list(registry))
