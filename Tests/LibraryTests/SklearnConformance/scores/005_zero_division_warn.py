from sklearn.metrics import precision_score, recall_score, f1_score
y_true = [0, 1, 2, 2, 0]
y_pred = [0, 0, 0, 2, 0]
print(precision_score(y_true, y_pred, average='macro'))
print(precision_score(y_true, y_pred, average=None))
print(recall_score([0, 0, 1], [0, 1, 1], labels=[0, 1, 2], average='macro'))
print(f1_score([0, 0, 1], [0, 1, 1], labels=[0, 1, 2], average=None))
print(precision_score([0, 1, 1], [0, 0, 0]))
print(recall_score([0, 0, 0], [0, 1, 0]))
print('again')
precision_score([0, 1, 1], [0, 0, 0])
