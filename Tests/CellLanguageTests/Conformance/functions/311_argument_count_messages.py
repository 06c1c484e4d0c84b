def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

def one(a, *, b=2):
    return a, b
def three(a, b, c):
    return a
def kwonly(*, x, y):
    return x, y
def opt(a, b=1, *args):
    return a
attempt('kwonly extra positional', lambda: one(1, 2))
attempt('kwonly extra with kw', lambda: one(1, 2, b=3))
attempt('three missing', lambda: three())
attempt('two missing', lambda: three(1))
attempt('two kwonly missing', lambda: kwonly())
attempt('one kwonly missing', lambda: kwonly(x=1))
attempt('kwonly positional', lambda: kwonly(1))
attempt('opt none', lambda: opt())
attempt('opt kw dup', lambda: opt(1, a=2))
attempt('one none', lambda: one())
attempt('zero args given', lambda: (lambda: 1)(1, 2))
attempt('one of one', lambda: (lambda a: a)(1, 2))
attempt('dup via star', lambda: three(1, 2, 3, **{'a': 1}))
attempt('dup kw star', lambda: three(a=1, **{'a': 2}))
