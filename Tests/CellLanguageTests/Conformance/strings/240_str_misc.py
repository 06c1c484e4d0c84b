s = 'Hello'
print(repr(s * 0), repr(s * -1), repr(s * 2), 3 * 'ab', s[::-1], repr(s[10:]), s[-100:2], s[1:-1:2])
print(ord('A'), chr(97), chr(0x263A), ord('\u00e9'), len('na\u00efve'), 'x' < 'y' < 'z')
print(min('hello'), max('hello'), sorted('hello'), list('abc'), 'b' < 'a', 'abc' < 'abd', 'ab' < 'abc', 'Z' < 'a')
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\tnl\n'), repr('\\'), repr('\x00\x7f'), repr('\u00e9\u263a'))
print(str(12), str(1.0), str(None), str([1, 'a']), str((1,)), str({'a': 1}), repr(str), str(-0.0), repr('\u2028\x1b'))
for bad in [lambda: 'a' - 'b', lambda: 'a' * 2.0, lambda: ord('ab'), lambda: chr(-1), lambda: 'abc'[5], lambda: 'abc'[s[:0] or '1']]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
