def shout(s):
    return s.upper() + '!'

def whisper(s):
    return s.lower() + '...'

for f in [shout, whisper]:
    print(f('Hello'))
ops = {'+': lambda a, b: a + b, '*': lambda a, b: a * b}
print(ops['+'](2, 3), ops['*'](2, 3))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2))
