class NoExit:
    def __enter__(self):
        return 1

class Loud:
    def __enter__(self):
        return [1, 2]
    def __exit__(self, *args):
        print('exit args', args)

with Loud() as (a, b):
    print(a + b)
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
with NoExit():
    pass
