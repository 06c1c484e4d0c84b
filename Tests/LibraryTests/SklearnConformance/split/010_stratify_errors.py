from sklearn.model_selection import train_test_split
y = [0, 0, 0, 1, 1, 1, 2]
try:
    train_test_split(y, stratify=y, random_state=0)
except ValueError as e:
    print(e)
try:
    train_test_split([0, 0, 1, 1, 2, 2], stratify=[0, 0, 1, 1, 2, 2], test_size=2)
except ValueError as e:
    print(e)
train_test_split(y, shuffle=False, stratify=y)
