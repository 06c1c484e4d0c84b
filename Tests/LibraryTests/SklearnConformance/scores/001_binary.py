from sklearn.metrics import precision_score, recall_score, f1_score
y_true = [0, 1, 1, 0, 1, 1, 0, 0]
y_pred = [0, 1, 0, 0, 1, 1, 1, 0]
print(precision_score(y_true, y_pred))
print(recall_score(y_true, y_pred))
print(f1_score(y_true, y_pred))
print(precision_score(y_true, y_pred, pos_label=0))
print(f1_score(y_true, y_pred, pos_label=0))
type(f1_score(y_true, y_pred)).__name__
