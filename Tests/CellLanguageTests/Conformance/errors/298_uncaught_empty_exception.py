try:
    raise KeyError()
except KeyError as e:
    print('caught', repr(e))
print('before')
raise RuntimeError
