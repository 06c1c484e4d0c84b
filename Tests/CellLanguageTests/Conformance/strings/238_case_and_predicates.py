words = ["hello world", "HELLO", "o'neil's dog", "3rd place", "\u00fcn\u00efcode", "", "mIxEd CaSe", "a_b-c d"]
for w in words:
    print(repr(w.title()), repr(w.capitalize()), repr(w.upper()), repr(w.lower()), repr(w.swapcase()))
print('123'.isdigit(), '12.5'.isdigit(), ''.isdigit(), '-1'.isdigit(), '12'.isdecimal(), '12'.isnumeric())
print('abc'.isalpha(), 'ab c'.isalpha(), ''.isalpha(), 'abc123'.isalnum(), 'abc_1'.isalnum(), ''.isalnum())
print('ABC'.isupper(), 'AB1'.isupper(), '123'.isupper(), 'abc'.islower(), 'Title Case'.istitle(), 'Not title'.istitle(), ''.istitle())
print(' '.isspace(), ''.isspace(), '\t\n'.isspace(), 'x1'.isidentifier(), '1x'.isidentifier(), 'straße'.upper(), 'ÉCOLE'.lower())
