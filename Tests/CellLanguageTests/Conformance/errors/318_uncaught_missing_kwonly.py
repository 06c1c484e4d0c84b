def fit(x, y, *, epochs, batch_size=32):
    return f'{len(x)} samples, {epochs} epochs, batch {batch_size}'

print(fit([1, 2], [0, 1], epochs=2))
print(fit([1, 2], [0, 1], 5))
