def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

attempt('d float', lambda: format(3.5, 'd'))
attempt('f str', lambda: format('text', '.2f'))
attempt('comma str', lambda: format('text', ','))
attempt('x float', lambda: format(2.0, 'x'))
attempt('s int', lambda: format(5, 's'))
attempt('= str', lambda: format('ab', '=5'))
attempt('prec int', lambda: format(7, '.2d'))
attempt('prec int2', lambda: format(10, '.3'))
attempt('sign str', lambda: format('ab', '+s'))
attempt('pct ok', lambda: format(0.25, '5.1%'))
attempt('c', lambda: format(65, 'c'))
attempt('unknown', lambda: format(1.5, 'q'))
attempt('fstring', lambda: f'{"abc":d}')
attempt('None spec', lambda: format(None, '>5'))
attempt('list spec', lambda: f'{[1]:>5}')
