scores = {'ann': 3, 'bob': 5, 'cy': 4}
for name in scores:
    print(name, scores[name])
for name, score in scores.items():
    print(f'{name}={score}')
for v in scores.values():
    print(v * 2, end=' ')
print()
