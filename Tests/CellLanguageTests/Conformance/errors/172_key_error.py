config = {'epochs': 10, 'lr': 0.001}
print(len(config))
print(config['epochs'])
print(config.get('batch_size', 32))
print(config['batch_size'])
