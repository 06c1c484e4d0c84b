xs = [1, 2, 3]
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

def slice_assign():
    xs[1:2] = 5
def iadd():
    ys = [1]
    ys += 5
attempt('slice assign int', slice_assign)
attempt('iadd int', iadd)
attempt('extend int', lambda: xs.extend(5))
attempt('insert str', lambda: xs.insert('a', 1))
attempt('pop str', lambda: xs.pop('a'))
attempt('index slice arg', lambda: xs.index(1, 'a'))
attempt('mul neg', lambda: xs * -2)
attempt('sort mixed', lambda: sorted([3, 'a', 1]))
attempt('sort mixed 2', lambda: sorted(['a', 1]))
attempt('sort mixed 3', lambda: sorted([1, 2, 'x', 0]))
attempt('sort none key', lambda: sorted([2, 1], key=lambda v: None if v == 1 else v))
attempt('sort tuples', lambda: sorted([(1, None), (1, 2)]))
grid = [[0] * 2] * 2
grid[0][0] = 9
attempt('aliased rows', lambda: grid)
attempt('copy shallow', lambda: [row[:] for row in grid] == grid)
