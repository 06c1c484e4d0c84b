from sklearn.metrics import precision_score
y_true = [0, 1, 2, 2]
y_pred = [0, 1, 1, 2]
print(precision_score(y_true, y_pred, average='micro'))
precision_score(y_true, y_pred)
