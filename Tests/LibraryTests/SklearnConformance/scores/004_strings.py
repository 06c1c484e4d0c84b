from sklearn.metrics import precision_score, recall_score, f1_score
y_true = ['spam', 'ham', 'ham', 'spam', 'ham']
y_pred = ['spam', 'spam', 'ham', 'spam', 'ham']
print(precision_score(y_true, y_pred, pos_label='spam'))
print(recall_score(y_true, y_pred, pos_label='ham'))
print(f1_score(y_true, y_pred, average='macro'))
f1_score(y_true, y_pred, average=None)
