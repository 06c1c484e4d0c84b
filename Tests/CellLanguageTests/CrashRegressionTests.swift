import Testing
@testable import CellLanguage

/// Cells that used to kill the process (a trap: a failed allocation, an overflow) and now
/// end in the exception CPython 3.11 raises for them (checked with python3; `MemoryError`s
/// are what CPython raises where the memory is not there, as for these sizes). ErrorTests'
/// `errorMessageMatchesCPython` runs them with its own table.
let crashRegressionCases: [(source: String, expected: String)] = [
    ("[0] * 10**12", "MemoryError"),
    ("(1,) * 10**12", "MemoryError"),
    ("'a' * 10**12", "MemoryError"),
    ("10**18 * '-'", "MemoryError"),
    ("'ab' * 2**62", "OverflowError: repeated string is too long"),
    ("x = [1]\nx *= 10**12", "MemoryError"),
    ("list(range(10**12))", "MemoryError"),
    ("'abc'.center(10**12)", "MemoryError"),
    ("'abc'.ljust(10**12)", "MemoryError"),
    ("'abc'.zfill(10**12)", "MemoryError"),
    ("'\\t'.expandtabs(10**12)", "OverflowError: Python int too large to convert to C int"),
    ("f'{1:{10**12}}'", "MemoryError"),
    ("format(1, '>99999999999')", "MemoryError"),
    ("format(1.5, '099999999999')", "MemoryError"),
    ("format(1.0, '.2147483648f')", "ValueError: precision too big"),
    ("'%99999999999d' % 1", "MemoryError"),
    ("'%.3000000000d' % 1", "ValueError: precision too big"),
    ("'%.*f' % (2**31, 1.0)", "OverflowError: Python int too large to convert to C int"),
    ("len(range(-2**62 - 2**62, 2**62 - 1 + 2**62))", "OverflowError: Python int too large to convert to C ssize_t"),
]

/// Ranges at the edges of 64-bit ints iterate and answer `in` without overflowing.
@Test func rangesAtTheEdgesOfInt64() {
    let source = """
        big = 2**62 - 1 + 2**62
        print(list(range(big - 2, big, 2**62)), [i for i in range(-big + 2, -big - 1, -2**62)])
        print(-big - 1 in range(big, -big - 1, -1), big - 2 in range(-big - 1, big, 2), '%*d|' % (-big - 1, 7))
        """
    let outcome = Session(modules: ModuleRegistry()).run(source, cellNumber: 1)
    #expect(outcome.error == nil)
    // python3: [9223372036854775805] [-9223372036854775805]
    //          False False 7|
    #expect(outcome.outputs.map(\.plainText).joined() == "[9223372036854775805] [-9223372036854775805]\nFalse False 7|\n")
}

@Test func aBareMemoryErrorHasNoArguments() {
    let outcome = Session(modules: ModuleRegistry()).run("try:\n    'a' * 10**12\nexcept MemoryError as e:\n    print(repr(e), e.args)", cellNumber: 1)
    #expect(outcome.outputs.map(\.plainText).joined() == "MemoryError() ()\n")
}

/// Found by the crash fuzzer. `'{-2}'.format()` indexed the arguments at -2 (CPython reads
/// only all-digit names as indices: KeyError '-2'); enumerate's count overflowed at Int.max.
@Test func fuzzerFindsInTheLanguage() {
    let session = Session(modules: ModuleRegistry())
    #expect(session.run("'{-2}'.format()", cellNumber: 1).error?.summary == "KeyError: '-2'")
    // python3: k 3
    let formatted = session.run("print('{0[-1]}'.format({'-1': 'k'}), '{+1}'.format(**{'+1': 3}))", cellNumber: 2)
    #expect(formatted.outputs.map(\.plainText).joined() == "k 3\n")
    // python3: [(9223372036854775807, 'xy')]
    let counted = session.run("print(list(enumerate(['xy'], start=2**62 - 1 + 2**62)))", cellNumber: 3)
    #expect(counted.outputs.map(\.plainText).joined() == "[(9223372036854775807, 'xy')]\n")
    let past = session.run("list(enumerate('ab', start=2**62 - 1 + 2**62))", cellNumber: 4)
    #expect(past.error?.summary == "OverflowError: integer overflow: Labbook integers are 64-bit")
}
