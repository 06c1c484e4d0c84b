from sklearn.metrics import f1_score, classification_report
for call in [lambda: f1_score([0, 1]), lambda: f1_score([0, 1], [0, 1], averge='macro'),
             lambda: classification_report([0, 1], [1, 1], [0, 1])]:
    try:
        call()
    except TypeError as e:
        print(e)
