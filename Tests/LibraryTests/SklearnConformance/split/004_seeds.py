from sklearn.model_selection import train_test_split
import numpy as np
for seed in [0, 1, 7, 123, 2024, 4294967295]:
    train, test = train_test_split(np.arange(30), test_size=0.25, random_state=seed)
    print(seed, test, train[:5])
