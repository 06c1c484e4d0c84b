parts = []
for i in range(3):
    parts.append(f'item{i}')
print(', '.join(parts), '[' + ']['.join(parts) + ']', '\n'.join(p.upper() for p in parts).split('\n'))
s = 'Hello, World'
print(s.lower().count('o'), s.replace(',', '').split(), s[7:].lower(), s.find('World') != -1, s.index(','))
print('-'.join(reversed(s.split(', '))), ''.join(sorted(s.lower().replace(' ', ''))), s.split(',')[0][::-1])
print(' '.join(w.capitalize() for w in 'the quick brown fox'.split()), 'snake_case_name'.replace('_', ' ').title().replace(' ', ''))
print(repr('%s' % None), repr(str(None)), repr(f'{None}'), 'a' * 3 + 'b' * 2, ('x' + 'y') * 2, 'abc'.upper()[::-1].lower())
csv = 'name,score\nann,3\nbob,5\n'
rows = [line.split(',') for line in csv.strip().split('\n')[1:]]
print(rows, {name: int(score) for name, score in rows}, sum(int(r[1]) for r in rows))
