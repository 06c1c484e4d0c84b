epochs = 5
print('epochs:', epochs)
learning_rate = 0.01
print('lr:', learning_rate)
print(batch_size_undefined)
print('never printed')
