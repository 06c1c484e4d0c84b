accuracy = 0.42
print(f'accuracy = {accuracy:.2f}')
assert 0 <= accuracy <= 1
assert accuracy > 0.9, f'accuracy too low: {accuracy:.2%}'
print('passed')
