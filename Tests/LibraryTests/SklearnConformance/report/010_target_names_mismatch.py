from sklearn.metrics import classification_report
y_true = [0, 1, 2, 2]
y_pred = [0, 1, 1, 2]
print(classification_report(y_true, y_pred, labels=[0, 1], target_names=['a', 'b', 'c']))
classification_report(y_true, y_pred, target_names=['a', 'b'])
