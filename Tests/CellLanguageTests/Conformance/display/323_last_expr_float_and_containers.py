import math
losses = [0.6931471805599453, 0.5, 0.25000000000000006]
print(len(losses))
print(sum(losses))
(min(losses), math.sqrt(2), [round(l, 3) for l in losses], {'best': min(losses)}, (1e-5,), 1e16, -0.0)
