def f():
    return f()

print('start')
f()
print('end')
