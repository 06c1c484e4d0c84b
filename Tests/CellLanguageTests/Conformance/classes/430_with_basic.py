class Managed:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()

    def __exit__(self, kind, value, tb):
        print('exit', self.name, kind.__name__ if kind else None, value)
        return False

with Managed('a') as x:
    print('inside', x)
with Managed('b') as y, Managed('c'):
    print('both', y)
def early():
    with Managed('d'):
        return 'returned'
print(early())
for i in range(3):
    with Managed(str(i)):
        if i == 1:
            break
print(i)
