s = 'hello World'
print(s.upper(), s.lower(), s.title(), s.capitalize())
print(s.swapcase())
print('ABC'.isupper(), 'abc'.islower(), 'Abc'.istitle())
print('123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), '  '.isspace())
print(''.isdigit(), '1.5'.isdigit())
