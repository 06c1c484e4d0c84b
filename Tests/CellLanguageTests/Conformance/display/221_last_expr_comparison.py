threshold = 0.5
values = [0.2, 0.7, 0.9]
above = [v for v in values if v > threshold]
print(above)
len(above) > 1
