def f():
    try:
        print('in try')
        raise KeyError('missing')
    except ValueError:
        print('not this one')
    finally:
        print('cleanup')
print('start')
f()
print('never')
