s = 'Grüße aus Köln ☺'
print(len(s), s.upper(), s.lower(), s.title(), s.swapcase(), s[::-1], s.encode and 'has encode')
print('ﬁne'.upper(), 'İ'.lower() == 'i̇', 'ǆ'.title(), 'ß'.title(), 'ΣΑΣ'.lower(), 'x²'.isdigit(), '²'.isdecimal())
print(repr('é'), repr('\u0301'), repr('\u200b'), repr('\ufeff'), repr('☺'), repr('\U0001F600'), len('\U0001F600'))
print(sorted(['é', 'e', 'f', 'E', 'É']), max('aé'), ord('€'), chr(8364), '€'.isalpha(), 'Ω'.isupper())
print(f'[{"é":^5}]', f'[{"☺":*>3}]', 'naïve café'.split(), 'a–b'.split('–'), '  \u3000x\u3000'.strip())
