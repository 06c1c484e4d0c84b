print("labbook: not yet")
