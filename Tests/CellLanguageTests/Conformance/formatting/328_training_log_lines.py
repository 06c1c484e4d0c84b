history = {'loss': [0.6931, 0.41235, 0.30000000000000004], 'accuracy': [0.5, 0.8125, 0.9]}
for epoch, (loss, acc) in enumerate(zip(history['loss'], history['accuracy']), start=1):
    seconds = 61 + epoch * 17.5
    m, s = divmod(int(seconds), 60)
    print(f'Epoch {epoch}/{len(history["loss"])} {m:02d}:{s:02d} - loss: {loss:.4f} - accuracy: {acc:.4f} ({acc:.1%})')
print('%.1f%%' % (history['accuracy'][-1] * 100), '{:,}'.format(60000), '{:>5.1f}s'.format(3.14159))
print(round(0.1234567, 4), int(0.987 * 100) / 100, float('%.3f' % 2.0005), abs(0.1 + 0.2 - 0.3) < 1e-9)
print(sum(history['loss']) / len(history['loss']), max(history['accuracy']), history['loss'].index(0.41235))
print(f"{'Layer (type)':<29}{'Output Shape':<26}{'Param #':<10}")
print(f"{'dense (Dense)':<29}{str((None, 32)):<26}{25120:<10,}")
print('=' * 65, f'Total params: {25120 + 330:,}', sep='\n')
