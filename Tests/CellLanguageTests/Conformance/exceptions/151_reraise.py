def risky():
    try:
        return {}['missing']
    except KeyError as e:
        print('logging', repr(e))
        raise

try:
    risky()
except KeyError as e:
    print('caught again:', e)
