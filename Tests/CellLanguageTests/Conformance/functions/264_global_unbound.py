total = 0
def add(n):
    global total
    total += n
    return total
print(add(2), add(3), total)
def make():
    global created
    created = 'yes'
make()
print(created)
def shadow():
    total = 100
    return total
print(shadow(), total)
def read_then_assign():
    print(total)
    total = 1
try:
    read_then_assign()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
count = 0
def bump():
    count += 1
try:
    bump()
except NameError as e:
    print(type(e).__name__, e, isinstance(e, NameError))
