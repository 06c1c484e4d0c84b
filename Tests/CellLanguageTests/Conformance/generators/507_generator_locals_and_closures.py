def make(prefix):
    count = 0
    def gen(items):
        nonlocal count
        for item in items:
            count += 1
            yield f"{prefix}{item}:{count}"
    return gen

g = make("#")
a = g("xy")
b = g("z")
print(next(a), next(b), next(a))
def running_total(values):
    total = 0
    for v in values:
        total += v
        yield total
print(list(running_total([1, 2, 3, 4])))
gens = [running_total(range(i)) for i in range(4)]
print([list(x) for x in gens])
def chunks(seq, size):
    for start in range(0, len(seq), size):
        yield seq[start:start + size]
print(list(chunks(list(range(7)), 3)))
print(list(enumerate(chunks("abcde", 2))))
