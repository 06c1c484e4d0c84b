class LoadError(Exception):
    pass

def load(name):
    try:
        return {"a": 1}[name]
    except KeyError as e:
        raise LoadError(f"cannot load {name}") from e

try:
    load("b")
except LoadError as e:
    print(e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise LoadError("while dividing")
except LoadError as e:
    print(repr(e.__cause__), repr(e.__context__))
try:
    try:
        int("x")
    except ValueError:
        raise LoadError("hidden") from None
except LoadError as e:
    print(e.__cause__, e.__suppress_context__)
load("c")
