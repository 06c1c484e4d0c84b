def averager():
    total, count, average = 0, 0, None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))

def guarded():
    try:
        while True:
            try:
                x = yield
                print("received", x)
            except ValueError as e:
                print("handled", e)
    finally:
        print("cleanup")

g = guarded()
next(g)
g.send(1)
g.throw(ValueError("bad"))
g.send(2)
g.close()
print(g.close())
