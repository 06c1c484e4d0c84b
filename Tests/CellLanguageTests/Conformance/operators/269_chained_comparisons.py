x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 1 < x < 3, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)
print(0 <= x <= 10 != 11, 'a' < 'b' < 'c', [1] < [1, 0] < [2], (1, 2) < (1, 3) <= (1, 3))
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(5), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)
print(1 in [1, 2] in [[1, 2]], None is None is not False, 2 not in [1] == True)
print(x < 10 and x > 2 or 'fallback', not x < 3, not (1 < x < 3), 3 < x if x else -1)
print(1 == 1.0, True == 1, 'a' == 'a' != 'b', [] == [], [] is [], () == (), {} == dict(), 1 == '1', None == 0)
print(0 or '' or None, 1 and 2 and 3, 0 and 1 / 0, [] or {} or 'last', 'a' and '', not '', not [0])
