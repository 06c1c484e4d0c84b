x = 'global'

def read_global():
    return x

def shadow():
    x = 'local'
    return x

print(read_global(), shadow(), x)
def write_global():
    global x
    x = 'changed'
write_global()
print(x)
