from sklearn.metrics import f1_score
try:
    f1_score(['a', 'b'], [0, 1])
except ValueError as e:
    print('ValueError:', e)
f1_score([0, 1, 0], [1, 1, 0], pos_label=2)
