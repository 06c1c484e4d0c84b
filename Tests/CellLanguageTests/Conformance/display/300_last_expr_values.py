def f():
    return None
results = []
for x in range(3):
    results.append(x * 0.1)
f()
results[-1], round(results[-1], 2), f'{results[-1]:.3}', None, -0.0
