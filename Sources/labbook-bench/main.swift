print("labbook-bench: not yet")
