log = []
def f(n):
    try:
        log.append('try')
        if n == 0:
            return 'early'
        if n == 1:
            raise ValueError('one')
        log.append('body done')
    except ValueError as e:
        log.append('except ' + str(e))
        return 'from except'
    else:
        log.append('else')
    finally:
        log.append('finally')
    return 'end'
for n in range(3):
    print(f(n), log)
    log.clear()
def g():
    try:
        return 'try'
    finally:
        print('g finally runs')
print(g())
