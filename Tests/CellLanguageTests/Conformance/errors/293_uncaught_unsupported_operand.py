history = {'loss': [0.5, 0.3]}
best = min(history['loss'])
print('best', best)
summary = 'best loss: ' + best
print(summary)
