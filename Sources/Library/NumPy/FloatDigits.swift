import Foundation

/// Decimal digits of a float, as NumPy's Dragon4 produces them: the shortest digits that
/// round-trip in the element's own precision (float32 or float64), or the exact binary value
/// correctly rounded (ties to even) to a number of digits.
///
/// The value is `0.d1d2...dn * 10^point`; `digits` has no leading or trailing zeros
/// (zero has no digits).
struct FloatDigits: Equatable {
    var negative: Bool
    var digits: [UInt8]
    var point: Int

    /// The shortest round-tripping digits of `x` (finite), for a float32 when `single`.
    static func shortest(_ x: Double, single: Bool) -> FloatDigits {
        let text = single ? Float(x).description : x.description
        return parse(text)
    }

    /// The exact value of `x` rounded to `significant` digits (at least 1).
    static func rounded(_ x: Double, significant: Int) -> FloatDigits {
        parse(String(format: "%.\(max(significant - 1, 0))e", x))
    }

    /// The exact value of `x` rounded to `fraction` digits after the point.
    static func rounded(_ x: Double, fraction: Int) -> FloatDigits {
        parse(String(format: "%.\(max(fraction, 0))f", x))
    }

    /// Parses Swift's/printf's decimal forms: `-1.25e-05`, `0.001`, `123.0`, `5e+20`.
    static func parse(_ text: String) -> FloatDigits {
        var negative = false
        var mantissa = Substring(text)
        var exponent = 0
        if mantissa.hasPrefix("-") { negative = true; mantissa = mantissa.dropFirst() }
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
            mantissa = mantissa[..<e]
        }
        var all: [UInt8] = []
        var integerCount = 0
        var seenPoint = false
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") { seenPoint = true; continue }
            all.append(c - UInt8(ascii: "0"))
            if !seenPoint { integerCount += 1 }
        }
        var point = integerCount + exponent
        var start = 0
        while start < all.count && all[start] == 0 { start += 1; point -= 1 }
        var end = all.count
        while end > start && all[end - 1] == 0 { end -= 1 }
        if start == end { return FloatDigits(negative: negative, digits: [], point: 0) }
        return FloatDigits(negative: negative, digits: Array(all[start..<end]), point: point)
    }

    var isZero: Bool { digits.isEmpty }

    /// Digits after the point in positional form.
    var fractionCount: Int { max(digits.count - point, 0) }

    /// Positional parts: `("-12", "345")` for -12.345; the integer part is at least `0`.
    var positionalParts: (integer: String, fraction: String) {
        var integer = ""
        var fraction = ""
        if point <= 0 {
            integer = "0"
            fraction = String(repeating: "0", count: -point) + digitString(digits[...])
        } else if point >= digits.count {
            integer = digitString(digits[...]) + String(repeating: "0", count: point - digits.count)
        } else {
            integer = digitString(digits[..<point])
            fraction = digitString(digits[point...])
        }
        if isZero { integer = "0"; fraction = "" }
        return ((negative ? "-" : "") + integer, fraction)
    }

    /// Scientific parts: `("-1", "2345", -5)` for -1.2345e-05.
    var scientificParts: (integer: String, fraction: String, exponent: Int) {
        if isZero { return ((negative ? "-" : "") + "0", "", 0) }
        return ((negative ? "-" : "") + digitString(digits[..<1]), digitString(digits[1...]), point - 1)
    }

    private func digitString(_ d: ArraySlice<UInt8>) -> String {
        String(decoding: d.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}

/// NumPy's scalar `str`: positional between 1e-4 and 1e16 (1e6 for float32), else
/// scientific, like Python's float repr: `0.5`, `3.0`, `1e-05`, `1.234567e+06`.
func numpyScalarString(_ x: Double, single: Bool) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let d = FloatDigits.shortest(x, single: single)
    let magnitude = abs(x)
    let cutoff = single ? 1e6 : 1e16
    if d.isZero || (magnitude >= 1e-4 && magnitude < cutoff) {
        let (integer, fraction) = d.positionalParts
        return integer + "." + (fraction.isEmpty ? "0" : fraction)
    }
    let (integer, fraction, exponent) = d.scientificParts
    return integer + (fraction.isEmpty ? "" : "." + fraction) + exponentString(exponent, digits: 2)
}

/// `e+05`, `e-123`: sign and at least `digits` digits.
func exponentString(_ exponent: Int, digits: Int) -> String {
    let magnitude = String(abs(exponent))
    let padded = String(repeating: "0", count: max(digits - magnitude.count, 0)) + magnitude
    return "e" + (exponent < 0 ? "-" : "+") + padded
}
