from sklearn.metrics import confusion_matrix
y_true = [0, 1, 2, 2, 1, 0, 2, 1, 1]
y_pred = [0, 2, 2, 2, 1, 1, 1, 1, 0]
print(confusion_matrix(y_true, y_pred, normalize='true'))
print(confusion_matrix(y_true, y_pred, normalize='pred'))
print(confusion_matrix(y_true, y_pred, normalize='all'))
confusion_matrix([0, 0, 1], [1, 1, 1], labels=[0, 1, 2], normalize='true')
