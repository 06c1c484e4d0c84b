stack = [1]
print(stack.pop())
print(stack)
print(stack.pop())
print('unreachable')
