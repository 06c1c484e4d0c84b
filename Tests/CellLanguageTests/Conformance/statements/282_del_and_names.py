a = 1
del a
try:
    print(a)
except NameError as e:
    print('NameError:', e)
d = {'x': 1, 'y': 2, 'z': 3}
del d['x'], d['y']
print(d)
xs = list(range(6))
del xs[0], xs[-1]
del xs[1:3]
print(xs)
p, q = 1, 2
del p, q
def f():
    v = 1
    del v
    return v
try:
    f()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
try:
    del undefined_name
except NameError as e:
    print('NameError:', e)
