def scale(x: float, factor: float = 2.0) -> float:
    return x * factor
rate: float = 0.01
epochs: int = 3
history: dict[str, list[float]] = {'loss': []}
names: list = []
for epoch in range(epochs):
    history['loss'].append(scale(1.0 / (epoch + 1), factor=rate))
print(scale(3), rate, epochs, history, names)
def describe(items: list[int], *rest: int, flag: bool = False, **extra: str) -> str:
    return f'{items} {rest} {flag} {extra}'
print(describe([1], 2, 3, flag=True, note='x'))
pending: int
try:
    print(pending)
except NameError as e:
    print('NameError:', e)
print(__name__)
if __name__ == '__main__':
    print('main guard runs')
