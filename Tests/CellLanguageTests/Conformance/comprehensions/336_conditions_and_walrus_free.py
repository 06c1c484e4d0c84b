words = ['apple', 'Bob', 'kayak', 'level', 'Python', '']
print([w for w in words if w and w.lower() == w.lower()[::-1]], {w: len(w) for w in words if len(w) > 4})
print({len(w) for w in words}, [w[0] if w else '-' for w in words], [c for w in words for c in w if c.isupper()])
counts = {}
for w in words:
    counts[len(w)] = counts.get(len(w), 0) + 1
print(counts, sorted(counts.items()), [k for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))])
nested = [[1, [2, 3]], [4], []]
print([len(x) for x in nested], [y for x in nested for y in x if isinstance(y, int)], sum(len(x) for x in nested))
print(list(filter(str.isupper, 'aBcD')), list(map(str.upper, ['a', 'b'])), sorted(words, key=str.lower)[:3])
