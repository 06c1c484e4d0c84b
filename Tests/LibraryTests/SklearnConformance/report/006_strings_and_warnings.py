from sklearn.metrics import classification_report
y_true = ['cat', 'dog', 'bird', 'dog', 'cat', 'cat']
y_pred = ['cat', 'cat', 'cat', 'dog', 'cat', 'dog']
print(classification_report(y_true, y_pred))
print(classification_report(y_true, y_pred, zero_division=1))
