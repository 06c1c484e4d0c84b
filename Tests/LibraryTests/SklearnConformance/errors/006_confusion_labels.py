from sklearn.metrics import confusion_matrix
try:
    confusion_matrix([0, 1], [0, 1], labels=[])
except ValueError as e:
    print(e)
confusion_matrix(['a', 'b'], ['a', 'b'], labels=['c'])
