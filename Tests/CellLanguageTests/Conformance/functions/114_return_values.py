def nothing():
    return

def implicit():
    x = 1

def many():
    return 1, 'two', [3]

print(nothing(), implicit())
print(many())
a, b, c = many()
print(b, c)
def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1
print(early(10), early(0))
