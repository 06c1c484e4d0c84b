from sklearn.metrics import f1_score, precision_score, recall_score
print(f1_score([0, 0, 1], [1, 1, 0], labels=[2, 3], average='weighted', zero_division=0))
print(recall_score([0, 1, 1, 2, 2, 2], [0, 2, 1, 2, 0, 2], average='weighted'))
print(precision_score([0, 1, 1, 2, 2, 2], [0, 2, 1, 2, 0, 2], average='weighted'))
print(f1_score([0, 1, 1, 2, 2, 2], [0, 2, 1, 2, 0, 2], average='micro'))
f1_score([5, 5, 6], [6, 5, 6], average='weighted')
