# CPython compares str by code points: a precomposed and a decomposed 'é' differ.
a = '\u00e9'
b = 'e\u0301'
print(a == b, a != b, b == 'e\u0301', a == '\u00e9', len(a), len(b))
print(a < b, a > b, b < a, a <= b, b >= a, 'e' < b < 'f' < a)
print([hex(ord(c)) for c in b], b[0], hex(ord(b[1])), b[::-1] == '\u0301e')
print(a in 'caf\u00e9', b in 'caf\u00e9', 'e' in 'cafe\u0301', 'e' in 'caf\u00e9', '\u0301' in b)
print('cafe\u0301'.find(a), 'cafe\u0301'.find('e'), 'caf\u00e9'.rfind(b), 'cafe\u0301'.index('\u0301'))
print('cafe\u0301'.startswith('cafe'), 'caf\u00e9'.startswith('cafe'), 'cafe\u0301'.endswith('\u0301'), 'caf\u00e9'.endswith(b))
print('cafe\u0301'.removesuffix('\u0301'), 'caf\u00e9'.removesuffix(b) == 'caf\u00e9', 'cafe\u0301'.removeprefix('cafe') == '\u0301')
print('cafe\u0301'.partition(a), 'cafe\u0301s'.partition('e'), 'x\u00e9y'.rpartition(b))
print('cafe\u0301'.count('e'), 'caf\u00e9'.replace(a, b) == 'cafe\u0301', 'cafe\u0301'.replace(a, '!'), 'cafe\u0301'.split(a))
print(max(a, b) == a, min([a, b]) == b, [a, b].count(b), (a, b).index(b), a is not b)
