// The formatting tests: each table row in FormattingCases.swift (generated from CPython's
// own output by scripts/gen-formatting-tests.py) is one case of a test here.
import Testing
@testable import CellLanguage

/// What a throwing formatter produced: its text, or `!Type: message`.
private func outcome(_ body: () throws(FormatError) -> String) -> String {
    do { return try body() } catch { return "!\(error.typeName): \(error.message)" }
}

/// Doubles compare by bit pattern (so -0.0 is not 0.0), nan with nan.
private func same(_ a: Double, _ b: Double) -> Bool {
    a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
}

/// A value `format(value, spec)` takes: `formatCases` covers each Python type it formats.
enum FormatValue: Sendable {
    case float(Double), int(Int), bool(Bool), string(String)

    func format(_ spec: String) throws(FormatError) -> String {
        switch self {
        case .float(let x): try PyFormat.format(x, spec: spec)
        case .int(let x): try PyFormat.format(x, spec: spec)
        case .bool(let x): try PyFormat.format(x, spec: spec)
        case .string(let x): try PyFormat.format(x, spec: spec)
        }
    }
}

// Every table row is a test case of its own (`arguments:`): a failure names the row.

@Test(arguments: reprCases)
func floatReprMatchesCPython(x: Double, expected: String) {
    #expect(PyFormat.repr(x) == expected)
}

@Test(arguments: reprCases.map(\.0).filter(\.isFinite))
func floatReprRoundTrips(x: Double) {
    #expect(Double(PyFormat.repr(x)).map { same($0, x) } == true)
}

@Test(arguments: formatCases)
func formatMatchesCPython(value: FormatValue, spec: String, expected: String) {
    #expect(outcome { () throws(FormatError) in try value.format(spec) } == expected)
}

@Test(arguments: roundCases)
func roundFloatMatchesCPython(x: Double, ndigits: Int, expected: Double) {
    #expect(same(PyFormat.round(x, ndigits: ndigits), expected))
}

@Test func roundNaNStaysNaN() {
    #expect(PyFormat.round(.nan, ndigits: 2).isNaN)
}

@Test(arguments: roundIntCases)
func roundIntMatchesCPython(x: Int, ndigits: Int, expected: Int) {
    #expect(PyFormat.round(x, ndigits: ndigits) == expected)
}

@Test(arguments: roundHalfEvenCases)
func roundHalfEvenMatchesCPython(x: Double, expected: String) {
    #expect(outcome { () throws(FormatError) in String(try PyFormat.roundHalfEven(x)) } == expected)
}

@Test(arguments: intStringCases)
func intStringMatchesCPython(n: Int, plain: String, comma: String, underscore: String) {
    #expect(PyFormat.intString(n) == plain)
    #expect(PyFormat.intString(n, grouping: ",") == comma)
    #expect(PyFormat.intString(n, grouping: "_") == underscore)
}

@Test(arguments: stringReprCases)
func stringReprMatchesCPython(s: String, expected: String) {
    #expect(PyFormat.stringRepr(s) == expected)
}

@Test(arguments: percentCases)
func percentMatchesCPython(format: String, arguments: [PercentArgument], expected: String) {
    #expect(outcome { () throws(FormatError) in try PyFormat.percent(format, arguments) } == expected)
}

@Test(arguments: percentMappingCases)
func percentWithMappingMatchesCPython(format: String, mapping: [String: PercentArgument],
                                      whole: PercentArgument, expected: String) {
    #expect(outcome { () throws(FormatError) in try PyFormat.percent(format, mapping: mapping, whole: whole) } == expected)
}
