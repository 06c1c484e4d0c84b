from sklearn.model_selection import train_test_split
print(train_test_split([1, 2, 3, 4], test_size=0.5, random_state=0))
print(train_test_split(('a', 'b', 'c', 'd'), random_state=0))
train_test_split()
