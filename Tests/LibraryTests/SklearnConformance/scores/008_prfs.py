from sklearn.metrics import precision_recall_fscore_support
y_true = [0, 1, 2, 0, 1, 2, 2]
y_pred = [0, 2, 1, 0, 0, 2, 2]
p, r, f, s = precision_recall_fscore_support(y_true, y_pred)
print(p)
print(r)
print(f)
print(s, s.dtype)
print(precision_recall_fscore_support(y_true, y_pred, average='macro'))
precision_recall_fscore_support(y_true, y_pred, average='weighted', beta=0.5)
