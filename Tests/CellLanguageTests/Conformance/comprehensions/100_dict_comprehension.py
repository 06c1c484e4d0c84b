squares = {x: x * x for x in range(5)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print({w: len(w) for w in ['adam', 'sgd', 'rmsprop']})
inverted = {v: k for k, v in {'a': 1, 'b': 2}.items()}
print(inverted)
print({i: [j for j in range(i)] for i in range(3)})
