history = {'loss': [0.9, 0.5], 'accuracy': [0.6, 0.8]}
for name in history:
    print(name, history[name][-1])
first = history.keys()[0]
print(first)
