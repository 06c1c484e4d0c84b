def load(name):
    try:
        return {'a': 1}[name]
    except KeyError:
        print('could not load', name)
        raise

print(load('a'))
load('b')
