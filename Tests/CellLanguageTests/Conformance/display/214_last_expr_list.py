history = {'loss': [0.5, 0.25], 'acc': [0.75, 0.875]}
print(len(history))
scores = [round(a * 100, 1) for a in history['acc']]
scores.append(100.0)
[scores, history]
