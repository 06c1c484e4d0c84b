d = {'a': 1}
try:
    for k in d:
        d['new' + k] = 2
except RuntimeError as e:
    print('RuntimeError:', e)
print(d)
scores = {'b': 2, 'a': 1, 'c': 3}
for k, v in sorted(scores.items(), key=lambda kv: kv[1], reverse=True):
    print(k, v)
for k in list(scores):
    if scores[k] < 2:
        del scores[k]
print(scores, list(scores.items()), dict(sorted(scores.items())))
scores['b'] = 20
scores['z'] = 0
print(scores, {k: v for k, v in scores.items() if v}, len(scores), 'b' in scores, 20 in scores)
counts = {}
for w in 'the cat the hat the end'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts.items(), key=lambda kv: kv[1]), sorted(counts, key=lambda w: (-counts[w], w)))
