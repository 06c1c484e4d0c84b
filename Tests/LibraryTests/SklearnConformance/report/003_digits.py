from sklearn.metrics import classification_report
y_true = [0, 1, 2, 2, 2, 1, 0, 1]
y_pred = [0, 0, 2, 2, 1, 1, 0, 2]
print(classification_report(y_true, y_pred, digits=4))
print(classification_report(y_true, y_pred, digits=0))
print(classification_report(y_true, y_pred, digits=14))
