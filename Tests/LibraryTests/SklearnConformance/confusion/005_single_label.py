from sklearn.metrics import confusion_matrix
print('before')
cm = confusion_matrix([1, 1, 1], [1, 1, 1])
print(cm)
print(confusion_matrix([1, 1, 1], [1, 1, 1], labels=[0, 1]))
confusion_matrix([1.0, 2.0, 2.0], [2.0, 2.0, 1.0])
