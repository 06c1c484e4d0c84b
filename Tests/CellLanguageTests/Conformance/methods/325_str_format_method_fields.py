def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

point = {'x': 1.5, 'y': -2}
items = ['a', 'b']
attempt('index field', lambda: '{0[x]:.2f},{0[y]:+d}'.format(point))
attempt('list field', lambda: '{items[1]}{items[0]}'.format(items=items))
attempt('mixed auto', lambda: '{}{1}'.format(1, 2))
attempt('bad index', lambda: '{0[5]}'.format(items))
attempt('bad key', lambda: '{0[z]}'.format(point))
attempt('attr', lambda: '{0.real}'.format(3))
attempt('bad conversion', lambda: '{!x}'.format(1))
attempt('spec nested', lambda: '{:{}{}}'.format('v', '>', 6))
attempt('too deep', lambda: '{:{:{}}}'.format(1, 2, 3))
attempt('format_map', lambda: '{a}-{b}'.format_map({'a': 1, 'b': 2}))
attempt('escaped', lambda: '{{{0}}}'.format('in'))
attempt('empty', lambda: ''.format(1, 2))
attempt('stray close', lambda: 'a}b'.format())
attempt('width on list', lambda: '{:>10}'.format([1]))
