from collections import defaultdict, OrderedDict
groups = defaultdict(list)
for word in ["apple", "bean", "avocado", "beet", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(dict(groups.items()) == {"a": ["apple", "avocado"], "b": ["bean", "beet"], "c": ["cherry"]})
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts, counts.get("z"), len(counts))
plain = defaultdict(None)
print(plain)
od = OrderedDict()
od["b"] = 2
od["a"] = 1
print(od, list(od))
od.move_to_end("b")
print(od, OrderedDict())
plain["missing"]
