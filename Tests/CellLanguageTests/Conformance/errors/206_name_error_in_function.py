def compute():
    return undefined_helper(3) + 1

print('defining done')
value = compute()
print(value)
