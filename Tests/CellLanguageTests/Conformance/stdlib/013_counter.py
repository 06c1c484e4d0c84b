from collections import Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["z"], len(c))
c.update("aaz")
c.update({"b": 3})
print(c.most_common())
words = Counter(["cat", "dog", "cat"])
print(words + Counter(["dog", "emu"]), words - Counter(["cat"]))
print(sorted(words.elements()), words.total())
print(Counter(), Counter(a=2, b=1) == {"a": 2, "b": 1})
print(list(c.keys())[:3], "a" in c, "q" in c)
labels = [3, 1, 3, 2, 3, 1]
for label, n in sorted(Counter(labels).items()):
    print(label, n)
