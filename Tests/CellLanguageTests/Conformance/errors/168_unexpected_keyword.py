def fit(epochs, batch_size=32):
    return epochs * batch_size

print(fit(2))
print(fit(2, batch_size=64))
print(fit(2, batchsize=64))
