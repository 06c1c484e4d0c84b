from sklearn.metrics import precision_score, recall_score, f1_score
y_true = [0, 1, 2, 3, 1, 2, 3, 3]
y_pred = [0, 1, 1, 3, 1, 2, 0, 3]
print(f1_score(y_true, y_pred, labels=[1, 2], average='macro'))
print(f1_score(y_true, y_pred, labels=[1, 2], average='micro'))
print(precision_score(y_true, y_pred, labels=[3, 1], average=None))
print(recall_score(y_true, y_pred, labels=[0, 3], average='weighted'))
f1_score(y_true, y_pred, labels=[2, 3, 0, 1], average=None)
