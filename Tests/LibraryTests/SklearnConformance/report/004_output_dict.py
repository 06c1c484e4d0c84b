from sklearn.metrics import classification_report
y_true = [0, 1, 2, 2, 2, 1, 0, 1]
y_pred = [0, 0, 2, 2, 1, 1, 0, 2]
report = classification_report(y_true, y_pred, output_dict=True)
print(list(report))
print(report['1'])
print(report['accuracy'], type(report['accuracy']).__name__)
print(report['macro avg']['f1-score'], type(report['macro avg']['support']).__name__)
classification_report(y_true, y_pred, output_dict=True, target_names=['x', 'y', 'z'])
