base = 10

def scaled(x, factor=base * 2):
    return x * factor

base = 100
print(scaled(2))
def with_list(n, acc=list(range(3))):
    acc.append(n)
    return acc
print(with_list(7))
print(with_list(8))
