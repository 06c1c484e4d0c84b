for value, spec in [(1.5, 'd'), ('s', ','), ('s', '+'), (1.5, '.'), (5, '.2'), (5, 'z'), ('a', '=5'), (1, 'q')]:
    try:
        print(format(value, spec))
    except ValueError as e:
        print('ValueError:', e)
