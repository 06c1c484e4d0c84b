def layer_sizes(spec):
    sizes = [int(part) for part in spec.split('-')]
    return sizes
print(layer_sizes('784-128-10'))
print(layer_sizes('784-12x-10'))
