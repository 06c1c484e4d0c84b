print('%d items' % 3, '%5d|' % 42, '%-5d|' % 42, '%05d' % 42, '%+d' % 5, '%x %X %o' % (255, 255, 8))
print('%.2f' % 3.14159, '%8.3f|' % 2.5, '%-8.1f|' % 2.5, '%e' % 12345.678, '%.2e' % 0.00012, '%g' % 0.0001, '%g' % 1e-5)
print('%s and %r' % ('str', 'str'), '%s' % [1, 2], '%s' % (None,), '%5.1f%%' % 99.5, '%c' % 65, '%s' % 1.0)
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30}, '%s' % 'single', '%i' % 7.9, '%d' % True, '%.0f' % 0.5)
print('%*d|' % (5, 42), '%.*f' % (2, 3.14159), '%10s|%-10s|' % ('r', 'l'), '%.3s' % 'abcdef', '%d%%' % 50)
for bad in [('%d', 'x'), ('%d %d', (1,)), ('%s', (1, 2)), ('%z', 1), ('%(k)s', 5), ('%f', 'a')]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
