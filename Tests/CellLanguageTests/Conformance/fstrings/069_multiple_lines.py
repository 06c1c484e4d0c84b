epoch = 3
loss = 0.123456
acc = 0.9
line = (f'Epoch {epoch}/10 - '
        f'loss: {loss:.4f} - '
        f'accuracy: {acc:.4f}')
print(line)
msg = f'''multi
{epoch}'''
print(msg)
print(f'{epoch}' f'{epoch}')
