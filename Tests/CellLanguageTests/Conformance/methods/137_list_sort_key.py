people = [('ann', 31), ('bob', 25), ('cy', 31), ('dee', 22)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: (-p[1], p[0]))
print(people)
words = ['Banana', 'apple', 'Cherry']
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
print([1, 2, 3].sort())
