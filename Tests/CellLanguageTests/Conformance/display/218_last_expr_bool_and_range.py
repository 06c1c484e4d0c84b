xs = list(range(5))
print(xs)
evens = [x for x in xs if x % 2 == 0]
print(evens)
len(evens) == 3 and range(3)
