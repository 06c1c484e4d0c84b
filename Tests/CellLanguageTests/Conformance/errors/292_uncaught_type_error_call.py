def train(model, epochs, batch_size=32):
    return f'{model} {epochs} {batch_size}'

print(train('m', 3))
print(train('m', epochs=3, batch=64))
