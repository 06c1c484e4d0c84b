from sklearn.metrics import classification_report
y_true = [0, 1, 2, 3, 1, 2, 3, 3]
y_pred = [0, 1, 1, 3, 1, 2, 0, 3]
print(classification_report(y_true, y_pred, labels=[1, 2, 3]))
print(classification_report(y_true, y_pred, labels=[0, 1, 2, 3, 4], zero_division=0))
classification_report(y_true, y_pred, labels=[3, 1], output_dict=True)
