def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

def two(v):
    a, b = v
    return a, b
def star(v):
    a, *b, c = v
    return a, b, c
attempt('3 into 2', lambda: two([1, 2, 3]))
attempt('1 into 2', lambda: two([1]))
attempt('int', lambda: two(5))
attempt('None', lambda: two(None))
attempt('str', lambda: two('ab'))
attempt('dict', lambda: two({'x': 1, 'y': 2}))
attempt('star short', lambda: star([1]))
attempt('star ok', lambda: star([1, 2]))
attempt('star str', lambda: star('hello'))
attempt('range', lambda: two(range(5)))
attempt('generator', lambda: two(x for x in range(3)))
(a, b), c = (1, 2), 3
[d, [e, f]] = 'x', 'yz'
first, *rest = range(4)
*init, last = 'abc'
print(a, b, c, d, e, f, first, rest, init, last)
