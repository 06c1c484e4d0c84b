from sklearn.metrics import confusion_matrix
y_true = ['cat', 'ant', 'cat', 'cat', 'ant', 'bird']
y_pred = ['ant', 'ant', 'cat', 'cat', 'ant', 'cat']
print(confusion_matrix(y_true, y_pred))
print(confusion_matrix(y_true, y_pred, labels=['ant', 'bird', 'cat']))
print(confusion_matrix(y_true, y_pred, labels=['cat', 'ant']))
confusion_matrix([1, 2, 3, 4], [1, 2, 2, 9], labels=[4, 3, 2, 1, 0])
