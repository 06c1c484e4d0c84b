from sklearn.metrics import precision_score, recall_score, f1_score
y_true = [0, 1, 2, 0, 1, 2, 2, 2, 1, 0]
y_pred = [0, 2, 1, 0, 0, 2, 2, 1, 1, 0]
for average in ['macro', 'micro', 'weighted', None]:
    print(average)
    print(precision_score(y_true, y_pred, average=average))
    print(recall_score(y_true, y_pred, average=average))
    print(f1_score(y_true, y_pred, average=average))
