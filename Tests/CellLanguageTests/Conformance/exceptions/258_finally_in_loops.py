def h():
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print('body', i)
        finally:
            print('finally', i)
    return i
print(h())
def k():
    try:
        try:
            raise KeyError('inner')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer caught', repr(e))
        return 'done'
    finally:
        print('outer finally')
print(k())
