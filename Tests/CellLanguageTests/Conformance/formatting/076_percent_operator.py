done = 42
total = 128
print('%d items, %.2f%% done' % (done, 100 * done / total))
print('%s, %r, %5.1f, %-4s|' % ('ok', 'ok', 3.14159, 'ab'))
print('%x, %e, %g, %03d' % (255, 12345.678, 0.0001, 7))
print('%5s|%-5d|%+.3e' % ('x', 3, 1234.5))
print('%(name)s has %(n)d' % {'name': 'ann', 'n': 3})
print('%s' % 'single', '%d%%' % 50)
print('%.3s|%c|%o' % ('abcdef', 65, 8))
