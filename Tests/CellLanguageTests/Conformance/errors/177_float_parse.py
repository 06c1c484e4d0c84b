inputs = ['1.5', '2e3', 'abc']
for s in inputs:
    print(float(s))
print('done')
print(inputs)
