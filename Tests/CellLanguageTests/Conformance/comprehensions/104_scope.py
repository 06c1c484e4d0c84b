x = 'outer'
result = [x for x in range(3)]
print(x, result)
n = 10
print([n + i for i in range(3)])
funcs = [lambda v, k=k: v * k for k in range(3)]
print([f(10) for f in funcs])
late = [lambda: k for k in range(3)]
print([f() for f in late])
