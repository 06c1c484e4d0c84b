def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'finally return wins'
print(swallow())
def reraise(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        print('logging and re-raising')
        raise
try:
    reraise(0)
except ZeroDivisionError as e:
    print('outer got:', e)
def nested():
    try:
        try:
            raise TypeError('first')
        except TypeError:
            raise KeyError('second')
    except KeyError as e:
        return repr(e)
print(nested(), reraise(5))
try:
    pass
except Exception:
    print('no')
