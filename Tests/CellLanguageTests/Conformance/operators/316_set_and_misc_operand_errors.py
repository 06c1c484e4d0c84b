def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

attempt('set or list', lambda: {1} | [2])
attempt('set and str', lambda: {1} & 'a')
attempt('set minus', lambda: {1, 2, 3} - {2} - {9})
attempt('set xor', lambda: {1, 2} ^ {2, 3} ^ {3})
attempt('set lt list', lambda: {1} < [1])
attempt('dict minus', lambda: {'a': 1} - {'a': 1})
attempt('dict or list', lambda: {'a': 1} | [('b', 2)])
attempt('str minus', lambda: 'abc' - 'c')
attempt('list mul list', lambda: [1] * [2])
nothing = None
attempt('none call', lambda: nothing())
attempt('int attr call', lambda: (5).real)
attempt('bool ops', lambda: (True + True, True * 3, True - False, True / True, True // True, -True, ~True))
attempt('in dict values', lambda: 1 in {'a': 1}.values())
attempt('tuple plus list', lambda: (1,) + [2])
attempt('str mod tuple', lambda: 'a%sb%s' % ('x', 'y'))
attempt('str mod dict', lambda: '%(a)s%(a)r' % {'a': 'z'})
