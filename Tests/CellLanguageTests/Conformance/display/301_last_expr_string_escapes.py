lines = ['first', "it's", 'tab\there']
joined = '\n'.join(lines)
print(joined)
result = {'text': joined, 'n': len(lines)}
joined
