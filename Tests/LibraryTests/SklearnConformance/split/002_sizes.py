from sklearn.model_selection import train_test_split
import numpy as np
data = np.arange(17)
for kwargs in [{}, {'test_size': 0.2}, {'test_size': 5}, {'train_size': 0.5}, {'train_size': 10},
               {'train_size': 6, 'test_size': 4}, {'train_size': 0.5, 'test_size': 0.25}]:
    train, test = train_test_split(data, random_state=1, **kwargs)
    print(kwargs, len(train), len(test), train, test)
