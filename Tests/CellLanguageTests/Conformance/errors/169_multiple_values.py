def scale(x, factor=2):
    return x * factor

print(scale(3))
print(scale(3, factor=4))
print(scale(3, x=4))
