for ch in 'abc':
    print(ch, end='.')
print()
print(list('hey'), tuple('ab'))
print(sorted('banana'), set('aab') == {'a', 'b'})
print([c.upper() for c in 'xyz'])
print(''.join(reversed('stressed')))
for i, ch in enumerate('ok'):
    print(i, ch)
