class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return False

def lines():
    with Managed("a") as m:
        yield m.name + "1"
        with Managed("b"):
            yield "b1"
        yield m.name + "2"
    try:
        yield "try"
        raise KeyError("k")
    except KeyError as e:
        yield "except " + str(e)
    else:
        yield "never"
    finally:
        yield "finally"
    yield "end"

for line in lines():
    print(line)
