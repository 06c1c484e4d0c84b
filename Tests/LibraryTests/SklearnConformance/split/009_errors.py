from sklearn.model_selection import train_test_split
for kwargs in [{'test_size': 1.5}, {'test_size': 10}, {'train_size': 0}, {'train_size': 0.7, 'test_size': 0.5},
               {'train_size': 6, 'test_size': 5}, {'test_size': 'half'}]:
    try:
        train_test_split(list(range(10)), **kwargs)
    except ValueError as e:
        print(e)
train_test_split([1, 2, 3], [1, 2])
