from functools import partial, reduce, lru_cache, wraps
def power(base, exponent=2):
    return base ** exponent
square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5), cube(2), cube(2, exponent=4))
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, [], 1))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = lru_cache(maxsize=None)(fib)
print(fib(60))
print(fib.cache_info())
add3 = partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), add3.args, add3.keywords)
reduce(lambda a, b: a + b, [])
