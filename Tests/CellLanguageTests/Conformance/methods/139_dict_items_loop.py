history = {'loss': [0.9, 0.5, 0.3], 'accuracy': [0.6, 0.8, 0.9]}
for key, values in history.items():
    print(key, values[-1], min(values), max(values))
print(list(history))
print(len(history['loss']), history.get('val_loss', []))
best = max(range(3), key=lambda i: history['accuracy'][i])
print(best)
