# str.replace at the edges: empty old (before every code point and at the end), counts,
# multi-byte characters on both sides, overlapping candidates, a large string.
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), repr(''.replace('', 'x', 0)))
print('aaaa'.replace('aa', 'b'), 'aaa'.replace('aa', 'b'), 'abab'.replace('ab', '', 1))
print('héllo wörld'.replace('ö', 'oe'), '日本語日本'.replace('日本', 'に'), 'é'.replace('', '|'))
print('x€y€'.replace('€', '$', -1), 'a\u0301e'.replace('\u0301', ''), 'spam'.replace('spam', 'spam' * 2, 0))
big = 'ab' * 500000
r = big.replace('a', 'xyz')
print(len(r), r[:7], r[-4:], r.count('xyz'))
print(big.replace('b', '').count('a'), len(big.replace('', '.')))
