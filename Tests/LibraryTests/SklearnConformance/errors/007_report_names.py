from sklearn.metrics import classification_report
y_true = [0, 1, 2]
y_pred = [0, 1, 1]
classification_report(y_true, y_pred, target_names=['zero', 'one'])
