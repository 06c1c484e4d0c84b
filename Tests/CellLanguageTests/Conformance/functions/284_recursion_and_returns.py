def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def flatten(xs):
    out = []
    for x in xs:
        if isinstance(x, list):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out
def nothing():
    return
def pair():
    return 1, 2
def early(x):
    if x:
        return 'yes'
print(fact(10), fact(20), flatten([1, [2, [3, [4]], 5]]), nothing(), pair(), early(0), early(1))
def hanoi(n, a='A', b='B', c='C'):
    return [] if n == 0 else hanoi(n - 1, a, c, b) + [(a, c)] + hanoi(n - 1, b, a, c)
print(len(hanoi(5)), hanoi(2))
def deep(n):
    return n if n == 0 else deep(n - 1)
print(deep(500))
