def documented(x):
    """Returns x doubled."""
    return 2 * x

def placeholder():
    pass

print(documented(21), placeholder())
def early_exit(flag):
    if flag:
        return 'yes'
print(early_exit(True), early_exit(False))
