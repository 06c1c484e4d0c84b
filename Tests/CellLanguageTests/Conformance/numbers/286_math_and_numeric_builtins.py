import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.sqrt(2), math.pi, math.e, math.inf, math.nan)
print(math.log(100, 10), math.log10(1000), math.log2(8), math.exp(1), math.log(math.e), math.fabs(-3))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float('nan')), math.isinf(-math.inf), math.isfinite(1e308))
print(math.floor(3), type(math.floor(2.5)).__name__, math.pow(2, 3), math.hypot(3, 4), math.gcd(12, 18), math.factorial(10))
print(math.sin(0), math.cos(0), round(math.sin(math.pi), 10), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.sqrt('x')]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
