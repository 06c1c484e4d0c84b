def set_rate(rate):
    if not 0 < rate < 1:
        raise ValueError(f'rate must be in (0, 1), got {rate}')
    return rate

print(set_rate(0.5))
print(set_rate(1.5))
