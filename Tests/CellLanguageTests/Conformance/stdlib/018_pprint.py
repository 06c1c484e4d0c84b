import pprint
config = {"optimizer": "adam", "layers": [784, 512, 256, 128, 64, 10], "dropout": 0.2,
          "activation": "relu", "metrics": ["accuracy", "precision", "recall"], "epochs": 12}
pprint.pprint(config)
pprint.pprint({"b": 1, "a": 2})
history = {"loss": [0.61234, 0.41234, 0.31234, 0.25123, 0.20012, 0.17777, 0.15555, 0.13333],
           "val_loss": [0.5, 0.4, 0.35, 0.3, 0.29, 0.28, 0.275, 0.27, 0.268, 0.266]}
pprint.pprint(history)
print(pprint.pformat(list(range(30)), width=40))
nested = [{"name": "dense_%d" % i, "units": 2 ** (10 - i), "shape": (None, 2 ** (10 - i))} for i in range(4)]
pprint.pprint(nested)
pprint.pprint(({"x": [1, 2]}, "a" * 50, {3, 1, 2}, ("only" * 20,)))
print(pprint.pformat(config, width=60, sort_dicts=False))
pprint.pprint({"k": {"inner": list(range(25)), "other": "x"}}, indent=4)
