files = ['model.h5', 'data.csv', 'notes.md', 'train.py', 'test.py']
print([f for f in files if f.endswith('.py')])
print([f for f in files if f.startswith(('model', 'data'))])
print('prefix_name'.startswith('prefix'), 'name.txt'.endswith(('.md', '.txt')))
print('abc'.startswith(''), 'abc'.endswith('abcd'))
print('x.tar.gz'.split('.', 1), 'x.tar.gz'.rsplit('.', 1))
