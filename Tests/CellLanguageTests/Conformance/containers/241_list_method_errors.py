def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

xs = [3, 1, 2]
attempt('pop empty', lambda: [].pop())
attempt('pop 5', lambda: xs.pop(5))
attempt('pop -1', lambda: [1, 2].pop(-1))
attempt('remove', lambda: xs.remove(9))
attempt('index', lambda: xs.index(9))
attempt('index start', lambda: [1, 2, 1].index(1, 1))
attempt('index range', lambda: [1, 2, 1].index(2, 2))
attempt('getitem', lambda: xs[3])
attempt('getitem neg', lambda: xs[-4])
attempt('str index', lambda: xs['a'])
attempt('float index', lambda: xs[1.0])
attempt('insert', lambda: xs.insert(100, 9) or xs)
attempt('append 2', lambda: xs.append(1, 2))
attempt('sort key', lambda: xs.sort(lambda v: v))
attempt('tuple index', lambda: (1, 2)[2])
attempt('count none', lambda: xs.count())
