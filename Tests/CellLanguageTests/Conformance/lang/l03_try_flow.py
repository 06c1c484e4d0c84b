def f(x):
    try:
        if x == 0:
            return 'zero'
        r = 10 // x
    except ZeroDivisionError as e:
        return 'never'
    except (TypeError, ValueError) as e:
        return 'bad: ' + str(e)
    else:
        return r
    finally:
        print('finally', x)
print(f(0), f(3), f('a'))
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('cleanup', i)
