#!/usr/bin/env python3
"""Writes Tests/CellLanguageTests/FormattingCases.swift, the tables of cases that
FormattingTests.swift checks: every expected value in them is what python3 itself prints,
so PyFormat is checked against CPython, not against itself.

    python3 scripts/gen-formatting-tests.py > Tests/CellLanguageTests/FormattingCases.swift

Random cases use a fixed seed, so re-running gives the same file.
"""
import math
import random
import struct
import sys

rng = random.Random(20261129)


def swift_string(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\r':
            out.append('\\r')
        elif o < 0x20 or o == 0x7f or o > 0x7e:
            out.append('\\u{%x}' % o)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def swift_double(x):
    if math.isnan(x):
        return '.nan'
    if math.isinf(x):
        return '.infinity' if x > 0 else '-.infinity'
    if x != 0 and abs(x) < 2.2250738585072014e-308:  # subnormal: a literal would warn
        return 'Double(bitPattern: 0x%016x)' % struct.unpack('<Q', struct.pack('<d', x))[0]
    r = repr(x)
    if r.startswith('-'):
        return '-(%s)' % r[1:]
    return r


def outcome(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - the exception is the expected value
        return '!%s: %s' % (type(e).__name__, e)


def random_double():
    kind = rng.randrange(5)
    if kind == 0:  # any finite bit pattern
        while True:
            x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
            if math.isfinite(x):
                return x
    if kind == 1:
        return rng.uniform(-1, 1)
    if kind == 2:
        return rng.uniform(-1e6, 1e6)
    if kind == 3:
        return rng.random() * 10 ** rng.randint(-12, 20)
    return round(rng.uniform(-100, 100), rng.randint(0, 4))


def random_moderate():
    kind = rng.randrange(3)
    if kind == 0:
        return rng.uniform(-1, 1)
    if kind == 1:
        return round(rng.uniform(-1000, 1000), rng.randint(1, 4))
    return rng.random() * 10 ** rng.randint(-6, 18)


tables = {}

# --- repr -------------------------------------------------------------------------------
repr_values = [0.0, -0.0, 1.0, -1.0, 100.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-5, 1e-4,
               0.0001234, 1e16, 1e15, 9999999999999998.0, 1e17, 1.5e300, -1.5e-300, 5e-324,
               2.2250738585072014e-308, 1.7976931348623157e308, 123456789012345.6, 2e16 + 8,
               float('inf'), float('-inf'), float('nan'), 0.5, 2.5, 1e22, 1e23, 12345.678,
               3.141592653589793, 2.718281828459045, 0.001, 1234567890123456.0, 0.3, 1e100,
               4.35, 0.07, 9.95, 1.005, 100.5, 1e-7, 123e-10]
repr_values += [random_double() for _ in range(160)]
tables['reprCases'] = ('[(Double, String)]', [(x, repr(x)) for x in repr_values])

# --- format(float, spec) ------------------------------------------------------------------
float_cases = []
fixed_values = [0.512, 0.8900001, 1e16, 123456789.0, 2.675, 0.125, 0.375, 1234567.891, -0.0,
                -1.5, 0.0, 1.0, 100.0, 0.0001, 12345.6789, float('inf'), float('-inf'),
                float('nan'), 0.5, 1.5, 2.5, 9.999, 99.95, 0.00012345, 1e-10, 123.0,
                1000.0, 3.14159, -0.001, 1e300, 0.1 + 0.2]
fixed_specs = ['', '.3', '.3f', '.2f', '.0f', '.2e', 'e', 'E', 'g', 'G', '.3g', '#.3g', '.2%',
               '.1%', '%', '08.3f', ',', ',.2f', '+.1e', '>10', '<10', '^10', '*^12.2f',
               '=+10.2f', '010.2f', ' .2f', 'z.1f', '#.0f', '.10g', '_.2f', 'n', '.1', '#',
               '+', '012,.2f', '.0e', '#.0e', 'F', '.5', '.17g', '0=12.3e', '.0%']
for x in fixed_values:
    for spec in fixed_specs:
        float_cases.append((x, spec))
float_cases += [(x, s) for x in (1234.5, -0.0004)
                for s in ('d', 'x', 's', 'c', '.', ',_', '_,', 'abc', '.2s', '9' * 30, '.' + '9' * 30)]
for spec in ['.3', '.3f', '.2e', 'g', '%', '', '.1%', '.6g', '.12f']:
    for _ in range(30):
        float_cases.append((random_moderate(), spec))
format_rows = [(('float', x), s, outcome(lambda: format(x, s))) for x, s in float_cases]

# --- format(int, spec) ---------------------------------------------------------------------
int_values = [0, 7, -7, 42, 255, -255, 1234, 1234567, -1234567890, 9223372036854775807,
              -9223372036854775807, 65, 100000]
int_specs = ['', 'd', ',', '_', '08,', '010,', '09,', '+', ' ', '-', 'b', 'o', 'x', 'X', '#b',
             '#o', '#x', '#X', '#010x', '_b', '_x', '#_x', '>8', '<8', '^8', '*^9', '=+8', '08',
             'n', 'c', 'e', '.2f', '%', 'g', ',.1f', '.2', 's', ',x', ',b', 'z', '+c', '#c',
             '0<6', 'x<6', '012_', '<05', 'E', '.3%']
int_cases = [(x, s) for x in int_values for s in int_specs]
format_rows += [(('int', x), s, outcome(lambda: format(x, s))) for x, s in int_cases]

bool_cases = [(b, s) for b in (True, False)
              for s in ['', 'd', '>6', '^7', 's', '.2f', 'x', '#b', '+', '<3', '05', 'c']]
format_rows += [(('bool', b), s, outcome(lambda: format(b, s))) for b, s in bool_cases]

# --- format(str, spec) ---------------------------------------------------------------------
str_values = ['abc', '', 'héllo', 'a long string']
str_specs = ['', 's', '10', '<10', '>10', '^10', '^9', '*^9', '.2', '10.2', '>.1', '05',
             '+', ' ', '#', '=10', 'd', ',', '_', 'z', '.', 'x>4', '->3', '\u00e9^7']
str_cases = [(v, s) for v in str_values for s in str_specs]
format_rows += [(('string', v), s, outcome(lambda: format(v, s))) for v, s in str_cases]
tables['formatCases'] = ('[(FormatValue, String, String)]', format_rows)

# --- round ---------------------------------------------------------------------------------
round_cases = [(2.675, 2), (0.125, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (-2.5, 0),
               (1234.5678, -2), (1250.0, -2), (1350.0, -2), (0.285, 2), (1.005, 2),
               (5e-324, 400), (1e300, -400), (-1e300, -400), (float('inf'), 2),
               (float('-inf'), 0), (123.456, 1), (-0.04, 1), (0.1 + 0.2, 15), (0.1 + 0.2, 16),
               (1e22, -21), (0.45, 1), (0.55, 1), (99.995, 2), (7.0, 0), (12345.0, -5),
               (55555.0, -4), (1.7976931348623157e308, 0), (2.5e-310, 311)]
for _ in range(60):
    round_cases.append((random_moderate(), rng.randint(-3, 6)))
tables['roundCases'] = ('[(Double, Int, Double)]',
                        [(x, n, round(x, n)) for x, n in round_cases])
nan_round = round(float('nan'), 2)  # stays nan; checked separately

round_int_cases = [(25, -1), (35, -1), (-25, -1), (-35, -1), (150, -2), (250, -2), (-150, -2),
                   (1234, -2), (1250, -2), (1251, -2), (1234, 0), (1234, 3), (5, -1), (4, -1),
                   (0, -3), (999, -3), (500, -3), (1500, -3), (123456789, -4)]
tables['roundIntCases'] = ('[(Int, Int, Int)]', [(x, n, round(x, n)) for x, n in round_int_cases])

half_even = [0.5, 1.5, 2.5, -0.5, -1.5, 3.7, -3.7, 0.49999999999999994, 1e15 + 0.5,
             4503599627370497.0, 1e18, -7.5, 0.0, -0.0, 2.4999]
tables['roundHalfEvenCases'] = ('[(Double, String)]',
                                [(x, outcome(lambda: str(round(x)))) for x in
                                 half_even + [float('inf'), float('-inf'), float('nan')]])

int_string_values = [0, 5, -5, 999, 1000, -1000, 123456, 1234567, -9223372036854775807, 10 ** 18]
tables['intStringCases'] = ('[(Int, String, String, String)]',
                            [(n, str(n), format(n, ','), format(n, '_')) for n in int_string_values])

# --- str repr ------------------------------------------------------------------------------
repr_strings = ['', 'abc', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'new\nline',
                'back\\slash', 'bell\x07', 'del\x7f', 'nul\x00', 'cr\r', 'zero\u200bwidth',
                'caf\u00e9', '\u00a0nbsp', '\u2028', 'emoji \U0001F600', 'ctrl \x85',
                'private \ue000', 'soft\u00adhyphen', '\u4e2d\u6587', "'", '"', '\x1b[0m',
                'a\\nb', '\ufeffbom', 'greek \u03b1\u03b2', 'ideographic\u3000space']
tables['stringReprCases'] = ('[(String, String)]', [(s, repr(s)) for s in repr_strings])


# --- percent -------------------------------------------------------------------------------
def percent_arg(v):
    if isinstance(v, bool):
        return '.bool(%s)' % ('true' if v else 'false')
    if isinstance(v, int):
        return '.int(%d)' % v
    if isinstance(v, float):
        return '.float(%s)' % swift_double(v)
    if isinstance(v, str):
        return '.string(%s, repr: %s)' % (swift_string(v), swift_string(repr(v)))
    return '.other(str: %s, repr: %s, typeName: %s)' % (
        swift_string(str(v)), swift_string(repr(v)), swift_string(type(v).__name__))


percent_cases = [
    ('%d items, %.2f%% done, %s, %r, %5.1f, %-4s|, %x, %e, %g, %03d',
     (3, 99.456, 'ok', 'ok', 2.25, 'ab', 255, 12345.678, 0.0001, 7)),
    ('%s', ('x',)), ('%s %s', (1, 2.5)), ('%r', (0.1,)), ('%s', (None,)), ('%r', ([1, 'a'],)),
    ('%d', (3.99,)), ('%d', (-3.99,)), ('%i|%u', (5, 6)), ('%5d|%-5d|%05d', (42, 42, 42)),
    ('%+d % d %+d', (5, 5, -5)), ('%x %X %o', (255, 255, 8)), ('%#x %#X %#o', (255, 255, 8)),
    ('%#08x', (255,)), ('%-#8x|', (255,)), ('%.3d', (7,)), ('%8.3d|', (-7,)),
    ('%f', (1 / 3,)), ('%.0f', (2.5,)), ('%.0f', (3.5,)), ('%.2f', (2.675,)), ('%10.3f|', (3.14159,)),
    ('%-10.3f|', (3.14159,)), ('%010.3f', (-3.14159,)), ('%+.2e', (12345.678,)), ('%E', (0.000123,)),
    ('%g %g %g', (100000.0, 1000000.0, 1e-5)), ('%G', (1e-10,)), ('%#g', (1.0,)), ('%.3g', (3.14159,)),
    ('%f', (float('inf'),)), ('%+f', (float('nan'),)), ('%05.1f', (float('-inf'),)), ('%.1f', (True,)),
    ('%s %d', (True, True)), ('%c%c', (72, 'i')), ('%5s|%-5s|', ('ab', 'ab')), ('%.2s', ('abcdef',)),
    ('%5.2s|', ('abcdef',)), ('%.3r', ('abcdef',)), ('%*d|', (5, 42)), ('%-*d|', (5, 42)),
    ('%.*f', (2, 3.14159)), ('%*.*f|', (8, 3, 2.71828)), ('%%', ()), ('100%%', ()),
    ('%s', ([1, 2],)), ('%d%%', (50,)), ('%x', (-255,)), ('%#x', (-255,)), ('%3c|', ('z',)),
    ('%d', ('x',)), ('%x', (1.5,)), ('%d', ([1],)), ('%f', ('a',)), ('%c', ('ab',)), ('%c', (-1,)),
    ('%c', (1.5,)), ('%d %d', (1,)), ('%d', (1, 2)), ('abc', (5,)), ('%y', (1,)), ('%s %', (1,)),
    ('%(a)s', (1,)), ('%*d', ('a', 1)), ('%d', (float('inf'),)), ('%d', (float('nan'),)),
    ('%a', ('caf\u00e9',)), ('%s', ('caf\u00e9',)), ('%-05d|', (3,)), ('%05s|', ('ab',)),
    ('% 05d', (3,)), ('%+05d', (-3,)), ('%e', (0.0,)), ('%.0e', (5.0,)), ('%#.0e', (5.0,)),
    ('%#.0f', (5.0,)), ('%g', (123456789.0,)), ('%.10g', (123456789.0,)), ('%r', ('it\'s',)),
    ('%' + '9' * 30 + 'd', (1,)), ('%.' + '9' * 30 + 'f', (1.0,)),
]
percent_rows = []
for fmt, args in percent_cases:
    expected = outcome(lambda: fmt % args)
    percent_rows.append((fmt, '[' + ', '.join(percent_arg(a) for a in args) + ']', expected))

mapping_cases = [('%(n)d runs, %(name)s', {'n': 3, 'name': 'adam'}),
                 ('%(x).2f|%(x)8.1f|', {'x': 2.5}), ('%(missing)s', {'a': 1}),
                 ('%s', {'a': 1}), ('%(a)s %(a)r', {'a': 'q'})]
mapping_rows = []
for fmt, mapping in mapping_cases:
    expected = outcome(lambda: fmt % mapping)
    entries = ', '.join('%s: %s' % (swift_string(k), percent_arg(v)) for k, v in mapping.items())
    mapping_rows.append((fmt, '[' + entries + ']', percent_arg(mapping), expected))


def cell(v):
    if isinstance(v, tuple):  # a FormatValue: (case name, value)
        return '.%s(%s)' % (v[0], cell(v[1]))
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return swift_double(v)
    return swift_string(v)


def emit_table(name, type_, rows):
    print('let %s: %s = [' % (name, type_))
    for row in rows:
        print('    (' + ', '.join(cell(v) for v in row) + '),')
    print(']')
    print()


total = sum(len(rows) for _, rows in tables.values()) + len(percent_rows) + len(mapping_rows)

print('''// Generated by scripts/gen-formatting-tests.py: every expected value below is what
// python3 (%s) printed. Do not edit by hand; change the script and re-run it:
//     python3 scripts/gen-formatting-tests.py > Tests/CellLanguageTests/FormattingCases.swift
// %d cases, each row one case of a test in FormattingTests.swift. An expected value
// starting with "!" is the exception CPython raised.
@testable import CellLanguage
''' % (sys.version.split()[0], total))

for name, (type_, rows) in tables.items():
    emit_table(name, type_, rows)

print('let percentCases: [(String, [PercentArgument], String)] = [')
for fmt, args, expected in percent_rows:
    print('    (%s, %s, %s),' % (swift_string(fmt), args, swift_string(expected)))
print(']')
print()
print('let percentMappingCases: [(String, [String: PercentArgument], PercentArgument, String)] = [')
for fmt, entries, whole, expected in mapping_rows:
    if entries == '[]':
        entries = '[:]'
    print('    (%s, %s, %s, %s),' % (swift_string(fmt), entries, whole, swift_string(expected)))
print(']')
