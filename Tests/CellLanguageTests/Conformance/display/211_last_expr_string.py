name = "it's"
greeting = 'hello'
print(greeting)
message = greeting + ' ' + name
message
