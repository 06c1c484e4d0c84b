def make_multiplier(k):
    def multiply(x):
        return x * k
    return multiply

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))
def make_accumulator():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = make_accumulator()
print(acc(10), acc(5), acc(-3))
