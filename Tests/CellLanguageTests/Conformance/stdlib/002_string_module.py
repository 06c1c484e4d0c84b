import string
print(string.ascii_lowercase)
print(string.ascii_uppercase, string.digits)
print(string.punctuation)
print(string.hexdigits, string.octdigits)
print(repr(string.whitespace))
print(string.capwords("hello   wide world"))
print(string.capwords("a-b c-d", "-"))
print(len(string.printable), len(string.ascii_letters))
