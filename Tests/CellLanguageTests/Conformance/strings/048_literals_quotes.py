print('single', "double", '''triple''', """triple double""")
print('it\'s', "say \"hi\"", 'tab\tsep', 'new\nline')
print('back\\slash', r'raw\n', len('\n'), len(r'\n'))
print('unicode: \u00e9 \u4e2d', 'x\x41y')
s = '''two
lines'''
print(s)
print('a' "b" 'c')
