from sklearn.metrics import confusion_matrix
try:
    confusion_matrix([0, 1, 1], [0, 1])
except ValueError as e:
    print(e)
confusion_matrix([0, 1], [0, 1], labels=[5, 6])
