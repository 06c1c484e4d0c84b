for exc in [ValueError('bad value'), TypeError('bad type'), KeyError('k'), IndexError('i'), RuntimeError('r')]:
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, str(e), repr(e))
