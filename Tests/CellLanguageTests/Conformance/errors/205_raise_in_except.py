try:
    int('nope')
except ValueError as e:
    print('handling:', e)
    raise RuntimeError('conversion failed')
print('unreachable')
