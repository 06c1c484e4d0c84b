class Bad:
    def __init__(self):
        return 5

class Ok:
    def __init__(self, **options):
        self.options = options

print(Ok(a=1, b=2).options)
try:
    Ok(1)
except TypeError as e:
    print(e)
Bad()
