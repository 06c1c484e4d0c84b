def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fact(10), fact(20))
print([fib(i) for i in range(12)])
def depth(xs):
    return 1 + max((depth(x) for x in xs if isinstance(x, list)), default=0)
print(depth([1, [2, [3]], [4]]))
