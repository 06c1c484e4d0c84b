def split_name(full):
    first, *rest = full.split()
    return first, ' '.join(rest)

print(split_name('Ada Lovelace'))
split_name('Grace Brewster Hopper')
