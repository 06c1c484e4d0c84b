import json
text = '{"accuracy": [0.9, 0.95], "epochs": 2, "name": "run \\u00e9", "ok": false, "x": null}'
d = json.loads(text)
print(d)
print(type(d["epochs"]).__name__, type(d["accuracy"][0]).__name__)
print(json.loads('[1, 2.5e3, -0, "a\\nb", NaN, Infinity]'))
print(json.loads(json.dumps({"k": [1, 2, {"z": None}]})))
print(json.loads('  {"a": 1, "a": 2}  '))
for bad in ['', '[1, 2', '{"a" 1}', '[1] x', "{'a': 1}"]:
    try:
        json.loads(bad)
    except ValueError as e:
        print(type(e).__name__, e)
