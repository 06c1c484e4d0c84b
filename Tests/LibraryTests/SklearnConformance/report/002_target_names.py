from sklearn.metrics import classification_report
y_true = [0, 1, 2, 2, 2, 1, 0]
y_pred = [0, 0, 2, 2, 1, 1, 0]
print(classification_report(y_true, y_pred, target_names=['class 0', 'class 1', 'a much longer class name']))
print(classification_report(y_true, y_pred, target_names=('a', 'b', 'c')))
