def square(x):
    return x * x
ops = {'sq': square, 'neg': lambda x: -x, 'str': str, 'len': len}
print([ops[k](3) if k != 'len' else ops[k]('abc') for k in sorted(ops)])
funcs = [square, abs, float]
print([f(-2) for f in funcs], square.__name__, callable(square), callable(3), callable(len))
def apply(f, *args, **kwargs):
    return f(*args, **kwargs)
print(apply(max, 3, 7), apply(sorted, [3, 1], reverse=True), apply(lambda: 'no args'))
def make_multiplier(k):
    def multiply(x):
        return x * k
    return multiply
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple('ab'), make_multiplier(0.5)(3), double(triple(2)))
print(repr(len), print, str(abs))
