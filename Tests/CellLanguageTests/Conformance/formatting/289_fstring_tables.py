rows = [('loss', 0.123456, 12), ('accuracy', 0.98765, 345), ('val_loss', 1.5, 6789)]
print(f"{'metric':<10}|{'value':>10}|{'n':>6}")
print('-' * 28)
for name, value, n in rows:
    print(f'{name:<10}|{value:>10.4f}|{n:>6,}')
for name, value, n in rows:
    print(f'{name:.<12}{value:.2%}{n:>+8}')
for epoch in [1, 10, 100]:
    print(f'Epoch {epoch:>3}/{100:<3} - loss: {1 / epoch:.4f} - acc: {1 - 1 / (epoch + 1):.4f}')
print(f'{"total":^28}', f'[{1e-3:.2e}]', f'[{123456789:.3e}]', f'[{0.5:>8.1%}]')
