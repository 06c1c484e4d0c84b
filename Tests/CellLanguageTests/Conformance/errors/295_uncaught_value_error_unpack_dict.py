config = {'lr': 0.1, 'epochs': 5, 'batch': 32}
for key, value in config.items():
    print(key, value)
for key, value in config:
    print(key, value)
