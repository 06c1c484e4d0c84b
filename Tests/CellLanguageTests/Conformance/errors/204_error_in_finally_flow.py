try:
    print('working')
    x = 1 / 0
finally:
    print('cleanup still runs')
print('unreachable')
