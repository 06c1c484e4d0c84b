# Indexing long strings that are rebuilt, interleaved and dropped: every s[i] and len(s)
# must see the string it is given (same length, new content each time).
seen = []
for k in range(8):
    s = ('x' * 70 + chr(0xe9 + k)) * 3
    seen.append(s[70] + s[141] + s[-1] + str(len(s)))
print(seen)
texts = [('ab' + chr(0x100 + k)) * (30 + k) for k in range(6)] + ['plain ascii text ' * 6]
picks = []
for i in range(0, 90, 7):
    for t in texts:
        picks.append(ord(t[i % len(t)]))
print(sum(picks), picks[:14], [len(t) for t in texts])
rebuilt = [t[:50] + t[50:] for t in texts]
print([r == t for r, t in zip(rebuilt, texts)], [r[88 % len(r)] for r in rebuilt])
joined = ''.join(texts)
print(len(joined), joined[100], joined[-3:], joined[200:205], joined[len(joined) // 2])
