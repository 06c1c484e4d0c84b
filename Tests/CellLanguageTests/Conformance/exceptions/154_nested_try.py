try:
    try:
        raise KeyError('inner')
    except ValueError:
        print('wrong handler')
    finally:
        print('inner finally')
except KeyError as e:
    print('outer caught', e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('converted')
except ValueError as e:
    print('got', e)
