print(True and False, True or False, not True)
print(0 or 'default', '' or None, [] or [0])
print(1 and 2, 0 and 2, None and 1)
print(not 0, not [], not 'x')
def loud(v):
    print('eval', v)
    return v
print(loud(0) and loud(1))
print(loud(1) or loud(2))
print(True + False == 1)
