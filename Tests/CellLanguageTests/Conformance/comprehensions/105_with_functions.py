def is_prime(n):
    if n < 2:
        return False
    return all(n % d for d in range(2, int(n ** 0.5) + 1))

print([n for n in range(30) if is_prime(n)])
print(sum(n for n in range(100) if is_prime(n)))
print({n: is_prime(n) for n in range(5)})
