config = {'epochs': 10}
config['lr'] = 1e-3
config['optimizer'] = 'adam'
config['layers'] = (128, 64)
config
