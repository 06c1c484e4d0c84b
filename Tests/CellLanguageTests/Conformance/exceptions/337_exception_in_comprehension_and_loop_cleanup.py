def risky(x):
    if x == 3:
        raise ValueError(f'bad value {x}')
    return x * 10
collected = []
try:
    collected = [risky(x) for x in range(5)]
except ValueError as e:
    print('comprehension failed:', e, collected)
done = []
for x in range(5):
    try:
        done.append(risky(x))
    except ValueError:
        done.append(None)
        continue
    finally:
        done.append('f')
print(done)
try:
    total = sum(risky(x) for x in range(10))
except ValueError as e:
    print('generator failed:', e)
