s = 'the cat sat on the mat'
print(s.replace('the', 'a'), s.replace('at', 'og', 1))
print(s.count('at'), s.count('the'), s.count(''))
print(s.replace('', '-')[:12])
print(s.find('sat'), s.find('dog'), s.rfind('the'))
print(s.upper().replace('T', 't'))
