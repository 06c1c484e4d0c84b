def f():
    try:
        print('try')
        return 'from try'
    finally:
        print('finally')

print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('cleanup', i)
