x = 5
print(-x, +x, -(-x))
print(~x, ~0, ~-1)
print(-3.5, +2.0, -0.0)
print(not x, not not x)
print(- - 3)
