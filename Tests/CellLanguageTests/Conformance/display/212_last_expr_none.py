def log(msg):
    print('LOG', msg)

result = log('start')
print(result)
log('end')
