/// How CPython's `PyOS_double_to_string` turns a double into text, given the digits
/// (`format_float_short` in `Python/pystrtod.c`, re-expressed over `DecimalDigits`).
struct FloatLayout {
    /// The conversion: `r` (repr, shortest digits), `e`, `f` or `g`.
    enum Mode: Equatable { case repr, exponent, fixed, general }

    var mode: Mode
    /// Digits after the point (`e`, `f`) or significant digits (`g`); unused by `repr`.
    var precision: Int = 0
    /// `E`, `F`, `G`: upper-case exponent letter and `INF`/`NAN`.
    var uppercase = false
    /// `#`: keep the decimal point (and, for `g`, trailing zeros).
    var alternate = false
    /// The `Py_DTSF_ADD_DOT_0` flag: `1.0`, not `1` (repr and the no-type format).
    var addDotZero = false
    /// `z`: a negative value that rounds to zero prints as positive zero.
    var noNegativeZero = false

    /// The text, with a leading `-` for negative values (never `+`), e.g. `-1.5e+300`.
    func render(_ x: Double) -> String {
        if x.isNaN { return uppercase ? "NAN" : "nan" }
        let negative = x.sign == .minus
        if x.isInfinite { return (negative ? "-" : "") + (uppercase ? "INF" : "inf") }
        let magnitude = Swift.abs(x)
        var precision = self.precision
        let digits: DecimalDigits
        switch mode {
        case .repr:
            digits = .shortest(magnitude)
        case .exponent:
            precision += 1
            digits = DecimalDigits.exact(magnitude).roundedToSignificant(precision)
        case .fixed:
            digits = DecimalDigits.exact(magnitude).roundedToFraction(precision)
        case .general:
            if precision == 0 { precision = 1 }
            digits = DecimalDigits.exact(magnitude).roundedToSignificant(precision)
        }
        var sign = negative
        if noNegativeZero && sign && (digits.digits.isEmpty || digits.isZero) { sign = false }
        return (sign ? "-" : "") + layOut(digits, precision: precision)
    }

    private func layOut(_ value: DecimalDigits, precision: Int) -> String {
        let digits = value.digits
        let count = digits.count
        var decimalPoint = value.decimalPoint
        var useExponent = false
        // The output is the slice [start, end) of the digits padded with zeros both sides.
        var end = count
        switch mode {
        case .exponent:
            useExponent = true
            end = precision
        case .fixed:
            end = decimalPoint + precision
        case .general:
            if decimalPoint <= -4 || decimalPoint > (addDotZero ? precision - 1 : precision) {
                useExponent = true
            }
            if alternate { end = precision }
        case .repr:
            if decimalPoint <= -4 || decimalPoint > 16 { useExponent = true }
        }
        var exponent = 0
        if useExponent {
            exponent = decimalPoint - 1
            decimalPoint = 1
        }
        let start = decimalPoint <= 0 ? decimalPoint - 1 : 0
        if !useExponent && addDotZero {
            end = max(end, decimalPoint + 1)
        } else {
            end = max(end, decimalPoint)
        }

        var text = ""
        func zeros(_ n: Int) { if n > 0 { text += String(repeating: "0", count: n) } }
        func append(_ slice: ArraySlice<UInt8>) {
            for digit in slice { text.unicodeScalars.append(Unicode.Scalar(48 + digit)) }
        }
        if decimalPoint <= 0 {
            zeros(decimalPoint - start)
            text += "."
            zeros(-decimalPoint)
        } else {
            zeros(-start)
        }
        if 0 < decimalPoint && decimalPoint <= count {
            append(digits[0..<decimalPoint])
            text += "."
            append(digits[decimalPoint...])
        } else {
            append(digits[...])
        }
        if count < decimalPoint {
            zeros(decimalPoint - count)
            text += "."
            zeros(end - decimalPoint)
        } else {
            zeros(end - count)
        }
        if text.hasSuffix(".") && !alternate { text.removeLast() }
        if useExponent {
            text += uppercase ? "E" : "e"
            text += exponent < 0 ? "-" : "+"
            let magnitude = Swift.abs(exponent)
            text += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        }
        return text
    }
}

extension PyFormat {
    /// CPython's `repr(x)` (and `str(x)`) of a float: shortest round-trip digits, exponent
    /// form below 1e-4 and from 1e16 on.
    ///
    ///     PyFormat.repr(0.1 + 0.2)  // "0.30000000000000004"
    ///     PyFormat.repr(1e16)       // "1e+16"
    ///     PyFormat.repr(100)        // "100.0"
    public static func repr(_ x: Double) -> String {
        FloatLayout(mode: .repr, addDotZero: true).render(x)
    }

    /// `str(x)` of a float, which is its `repr`.
    public static func strFloat(_ x: Double) -> String { repr(x) }
}
