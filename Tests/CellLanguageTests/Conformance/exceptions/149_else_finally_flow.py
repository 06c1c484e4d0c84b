def attempt(v):
    try:
        result = 10 / v
    except ZeroDivisionError as e:
        print('except:', e)
        return 'failed'
    else:
        print('else: result', result)
        return 'ok'
    finally:
        print('finally runs')

print(attempt(2))
print(attempt(0))
