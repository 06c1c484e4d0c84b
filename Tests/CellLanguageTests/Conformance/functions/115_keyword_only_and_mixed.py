def train(model, epochs=1, *, batch_size=32, verbose=True):
    return f'{model} e={epochs} bs={batch_size} v={verbose}'

print(train('mlp'))
print(train('mlp', 5, batch_size=128))
print(train(model='cnn', verbose=False))
def mix(a, b, *, c):
    return a, b, c
print(mix(1, 2, c=3), mix(1, b=2, c=3), mix(c=1, b=2, a=3))
