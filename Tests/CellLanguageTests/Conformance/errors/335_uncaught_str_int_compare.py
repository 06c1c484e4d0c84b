thresholds = ['0.5', '0.75']
score = 0.6
print('checking', len(thresholds))
passed = [t for t in thresholds if score > t]
print(passed)
