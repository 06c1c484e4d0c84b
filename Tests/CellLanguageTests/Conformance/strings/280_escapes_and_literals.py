print('a\tb', 'a\\b', 'line\nbreak', r'raw\n', 'uni\u00e9', '\x41', 'oct\101', "mix'd", 'it''s')
print(repr('a\tb'), repr(r'\d+'), repr('\r'), repr('\a\b\f\v'), repr('\x1b'), repr('\u00ff\u0100'))
print('''triple
quoted''', """dq "inner" """, len('\n'), len(r'\n'), repr('''a
b'''))
s = ('implicit '
     'concat')
print(s, 'x' 'y', f'{1}' 'z', 'a' + \
      'b')
print(repr(R'\t'), repr(u'x'), repr(F'{2}'), rf'{s}\n')
