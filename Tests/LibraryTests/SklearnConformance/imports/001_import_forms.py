import sklearn.metrics
from sklearn import metrics
from sklearn.metrics import confusion_matrix, accuracy_score
from sklearn.model_selection import train_test_split
import sklearn.model_selection as ms
print(sklearn.metrics.accuracy_score([1, 2], [1, 2]))
print(metrics.accuracy_score([1, 2], [1, 3]))
print(confusion_matrix([0, 1], [1, 1]))
print(ms.train_test_split([1, 2, 3, 4], shuffle=False))
