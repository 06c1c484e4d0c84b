# Ordering and sorting of str go by code points, not by canonical equivalence.
words = ['\u00e9t\u00e9', 'e\u0301te\u0301', 'ete', 'zoo', '\u00c9', 'E\u0301', 'a', 'e\u0301']
print([len(w) for w in sorted(words)])
print([ascii(w) for w in sorted(words)])
print(sorted(words) == sorted(words, key=lambda w: [ord(c) for c in w]))
print('\u00e9' > 'z', 'e\u0301' < 'z', 'e\u0301' < 'f', '\u00e9' >= 'e\u0301', 'e\u0301' <= '\u00e9')
print(ascii(max(words)), ascii(min(words[:2])), [ascii(w) for w in sorted(words, reverse=True)[:3]])
print(sorted({'\u00e9': 1, 'e\u0301': 2, 'f': 3}.items(), key=lambda kv: kv[0])[0][1])
print(('e\u0301', 1) < ('\u00e9', 0), ['\u00e9'] > ['e\u0301', 'z'], 'e\u0301x' < 'e\u0302')
