import json
data = {"name": "mnist", "layers": [784, 128, 10], "dropout": 0.2, "ok": True, "none": None}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps({"b": 1, "a": [1.5, 2.0, 1e-07]}, sort_keys=True))
print(json.dumps({2: "two", 10: "ten", 1.5: "x", True: "t", None: "n"}))
print(json.dumps({"z": {}, "y": []}, indent=4, sort_keys=True))
print(json.dumps("caf\u00e9 \"q\" \n\t"), json.dumps("caf\u00e9", ensure_ascii=False))
print(json.dumps((1, 2), separators=(",", ":")), json.dumps(float("nan")), json.dumps(1e300 * 10))
print(json.dumps({"a": [1, {"b": 2}]}, indent="\t"))
print(json.dumps(0.1 + 0.2), json.dumps(100.0), json.dumps(-0.0))
json.dumps({1, 2})
