from sklearn.metrics import precision_score, f1_score
y_true = [0, 1, 2, 1]
y_pred = [0, 1, 1, 1]
print(precision_score(y_true, y_pred, average='macro', pos_label=2))
print(f1_score(y_true, y_pred, average=None, pos_label=0))
print(f1_score(y_true, y_pred, average='micro', pos_label=None))
